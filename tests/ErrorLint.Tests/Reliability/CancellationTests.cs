using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every analyzer, cancelled before or while it analyzes a large generated API: the run ends in an
/// OperationCanceledException or completes normally, and no analyzer reports another exception.
/// </summary>
public sealed class CancellationTests
{
    private const int Controllers = 60;

    private static readonly Lazy<Compilation> Large = new(() =>
        new RuleSetTest(RuleCatalog.Analyzers).WithSources(new[] { LargeSource() }).CreateProjectAsync().GetAwaiter().GetResult()
            .GetCompilationAsync().GetAwaiter().GetResult()!);

    public static IEnumerable<object[]> AnalyzersAndDelays() =>
        RuleCatalog.Analyzers.SelectMany(a => new[] { 0, 20, 100 }.Select(delay => new object[] { a.GetType().Name, delay }));

    [Fact]
    public void The_large_source_compiles() =>
        Assert.Empty(Large.Value.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

    [Theory]
    [MemberData(nameof(AnalyzersAndDelays))]
    public async Task Cancelling_ends_the_run_with_OperationCanceledException_or_a_normal_result(string analyzerName, int cancelAfterMilliseconds)
    {
        var analyzer = RuleCatalog.Analyzer(analyzerName);
        var failures = new ConcurrentQueue<Exception>();
        var withAnalyzers = Large.Value.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => failures.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));

        using var cancellation = new CancellationTokenSource();
        if (cancelAfterMilliseconds == 0)
        {
            cancellation.Cancel();
        }
        else
        {
            cancellation.CancelAfter(cancelAfterMilliseconds);
        }

        try
        {
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation.Token);
            Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001");
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(failures.IsEmpty, $"{analyzerName} threw something other than OperationCanceledException when cancelled:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static string LargeSource()
    {
        var text = new StringBuilder("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IStore { Task SaveAsync(); }

            """);
        for (var i = 0; i < Controllers; i++)
        {
            text.Append($$"""
                public sealed class Orders{{i}}Controller(IStore store) : ControllerBase
                {
                    public IActionResult A(int id) => id switch { 0 => Ok(new { error = "Order not found" }), 1 => StatusCode(500, ModelState), 2 => Forbid("Owners only"), _ => Ok(id) };
                    [Authorize] public IActionResult B() => User.IsInRole("Admin") ? NoContent() : Unauthorized();
                    public IActionResult C() => User.Identity?.IsAuthenticated == false ? Forbid() : Problem(detail: "Busy", statusCode: 503);
                    public IActionResult D() => BadRequest(new ProblemDetails { Status = 404, Title = "Order not found" });
                    public async Task<IActionResult> E()
                    {
                        try { await store.SaveAsync(); return Ok(); }
                        catch (InvalidOperationException ex) { return StatusCode(500, ex.ToString()); }
                        catch (Exception ex) { return BadRequest(ex.Message); }
                    }
                    public IResult F(int id) => id > 0 ? Results.Ok(new { error = "x" }) : TypedResults.Problem("Too many", statusCode: 429);
                    private IActionResult Helper{{i}}() => Ok(new { error = "Invalid" });
                    public IActionResult G() => Helper{{i}}();
                }

                """);
        }

        return text.ToString();
    }
}
