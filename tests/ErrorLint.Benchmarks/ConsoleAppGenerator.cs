using System.Collections.Generic;
using System.Text;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Writes an application of the same size and shape without ASP.NET Core: per module the same DTOs and repository,
/// and a service with one method per action of the web API (results, exceptions, switch expressions, lambdas).
/// </summary>
internal static class ConsoleAppGenerator
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int modules)
    {
        var files = new List<(string, string)>
        {
            ("GlobalUsings.cs", GlobalUsings),
            ("Shared.cs", Shared),
            ("Program.cs", ProgramFile(modules)),
        };

        for (var i = 0; i < modules; i++)
        {
            var resource = WebApiGenerator.ResourceName(i);
            files.Add(($"Modules/{resource}/Model.cs", CommonCode.Model(resource, i)));
            files.Add(($"Modules/{resource}/{resource}Service.cs", Service(resource)));
        }

        return files;
    }

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.ComponentModel.DataAnnotations;
        global using System.Globalization;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Shop.Api;
        """;

    private const string Shared = """
        namespace Shop.Api;

        public sealed class NotFoundException : Exception
        {
            public NotFoundException(string message) : base(message) { }
        }

        public sealed class OperationResult
        {
            private OperationResult(int code, object? value, string? error) => (Code, Value, Error) = (code, value, error);

            public int Code { get; }
            public object? Value { get; }
            public string? Error { get; }

            public static OperationResult Ok(object? value = null) => new(200, value, null);
            public static OperationResult NotFound(string? error = null) => new(404, null, error);
            public static OperationResult Conflict(string error) => new(409, null, error);
            public static OperationResult Invalid(string error) => new(400, null, error);
            public static OperationResult Failed(string error) => new(500, null, error);
        }
        """;

    private static string ProgramFile(int modules)
    {
        var registrations = new StringBuilder();
        for (var i = 0; i < modules; i++)
        {
            var r = WebApiGenerator.ResourceName(i);
            registrations.AppendLine($"services.Add(new Shop.Api.Modules.{r}.{r}Service(new Shop.Api.Modules.{r}.InMemory{r}Repository(), new HttpClient()));");
        }

        return $$"""
            var services = new List<object>();
            {{registrations}}
            Console.WriteLine($"{services.Count} services ready.");
            """;
    }

    private static string Service(string r)
    {
        var methods = new StringBuilder();
        for (var i = 0; i < WebApiGenerator.ActionsPerModule; i++)
        {
            methods.AppendLine(Method(r, i));
        }

        return $$"""
            namespace Shop.Api.Modules.{{r}};

            public sealed class {{r}}Service
            {
                private readonly I{{r}}Repository repository;
                private readonly HttpClient pricing;

                public {{r}}Service(I{{r}}Repository repository, HttpClient pricing)
                {
                    this.repository = repository;
                    this.pricing = pricing;
                }

            {{methods}}
            }
            """;
    }

    private static string Method(string r, int index) => (index % 5) switch
    {
        0 => $$"""
                public async Task<OperationResult> Get{{index}}(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return OperationResult.NotFound($"{{r}} {id} was not found.");
                    }

                    return OperationResult.Ok(item);
                }
            """,
        1 => $$"""
                public async Task<OperationResult> Create{{index}}({{r}}Input input, CancellationToken ct)
                {
                    if (string.IsNullOrWhiteSpace(input.Name))
                    {
                        return OperationResult.Invalid("The name is required.");
                    }

                    if (await repository.ExistsAsync(input.Name, ct))
                    {
                        return OperationResult.Conflict($"'{input.Name}' already exists.");
                    }

                    return OperationResult.Ok(await repository.AddAsync(input, ct));
                }
            """,
        2 => $$"""
                public async Task<OperationResult> Search{{index}}(string? q, CancellationToken ct)
                {
                    var items = await repository.ListAsync(1, 100, ct);
                    var results = items
                        .Where(x => q is null || x.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                        .OrderBy(x => x.Name)
                        .Select(x => new { x.Id, x.Name })
                        .ToList();
                    return OperationResult.Ok(results);
                }
            """,
        3 => $$"""
                public async Task<OperationResult> Sync{{index}}(int id, CancellationToken ct)
                {
                    try
                    {
                        var quote = await pricing.GetStringAsync($"quotes/{id}", ct);
                        return OperationResult.Ok(new { id, quote, error = (string?)null });
                    }
                    catch (HttpRequestException ex)
                    {
                        return OperationResult.Failed(ex.Message);
                    }
                }
            """,
        _ => $$"""
                public async Task<OperationResult> Publish{{index}}(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    return item switch
                    {
                        null => OperationResult.NotFound(),
                        { Price: <= 0 } => OperationResult.Conflict("A free item cannot be published."),
                        _ => OperationResult.Ok(new { item.Id, published = true }),
                    };
                }
            """,
    };
}
