using Microsoft.CodeAnalysis;

namespace ErrorLint.Model;

/// <summary>
/// The ASP.NET Core types the rules ask about, resolved once per compilation.
/// <see cref="TryCreate"/> returns null when ASP.NET Core is not referenced, so analyzers register nothing.
/// </summary>
internal sealed class WellKnownTypes
{
    private WellKnownTypes(Compilation compilation, INamedTypeSymbol httpContext)
    {
        Compilation = compilation;
        HttpContext = httpContext;
        HttpResponse = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
        HttpRequest = Get(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
        HeaderDictionary = Get(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        Results = Get(compilation, "Microsoft.AspNetCore.Http.Results");
        TypedResults = Get(compilation, "Microsoft.AspNetCore.Http.TypedResults");
        ResultInterface = Get(compilation, "Microsoft.AspNetCore.Http.IResult");
        ProblemDetails = Get(compilation, "Microsoft.AspNetCore.Mvc.ProblemDetails");
        HttpValidationProblemDetails = Get(compilation, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
        ControllerBase = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        ActionResultInterface = Get(compilation, "Microsoft.AspNetCore.Mvc.IActionResult");
        ObjectResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ObjectResult");
        JsonResult = Get(compilation, "Microsoft.AspNetCore.Mvc.JsonResult");
        ContentResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ContentResult");
        ForbidResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ForbidResult");
        ChallengeResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ChallengeResult");
        DefaultStatusCodeAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.DefaultStatusCodeAttribute");
        ModelStateDictionary = Get(compilation, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
        SerializableError = Get(compilation, "Microsoft.AspNetCore.Mvc.SerializableError");
        IdentityError = Get(compilation, "Microsoft.AspNetCore.Identity.IdentityError");
        Exception = Get(compilation, "System.Exception");
        HttpResponseJsonExtensions = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
        HttpResponseWritingExtensions = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol HttpContext { get; }
    public INamedTypeSymbol? HttpResponse { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? HeaderDictionary { get; }
    public INamedTypeSymbol? Results { get; }
    public INamedTypeSymbol? TypedResults { get; }
    public INamedTypeSymbol? ResultInterface { get; }
    public INamedTypeSymbol? ProblemDetails { get; }
    public INamedTypeSymbol? HttpValidationProblemDetails { get; }
    public INamedTypeSymbol? ControllerBase { get; }
    public INamedTypeSymbol? PageModel { get; }
    public INamedTypeSymbol? ActionResultInterface { get; }
    public INamedTypeSymbol? ObjectResult { get; }
    public INamedTypeSymbol? JsonResult { get; }
    public INamedTypeSymbol? ContentResult { get; }
    public INamedTypeSymbol? ForbidResult { get; }
    public INamedTypeSymbol? ChallengeResult { get; }
    public INamedTypeSymbol? DefaultStatusCodeAttribute { get; }
    public INamedTypeSymbol? ModelStateDictionary { get; }
    public INamedTypeSymbol? SerializableError { get; }
    public INamedTypeSymbol? IdentityError { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? HttpResponseJsonExtensions { get; }
    public INamedTypeSymbol? HttpResponseWritingExtensions { get; }

    public static WellKnownTypes? TryCreate(Compilation compilation)
    {
        var httpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        return httpContext is null ? null : new WellKnownTypes(compilation, httpContext);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? wellKnown)
        => wellKnown is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, wellKnown);

    /// <summary>
    /// Whether a top-level, non-generic type has this full name (<c>System.IO.IOException</c>), compared namespace by
    /// namespace from the end: building a type's full name allocates, and a body asks this of every caught exception type.
    /// </summary>
    public static bool HasFullName(ITypeSymbol type, string fullName)
    {
        var name = type.Name;
        var end = fullName.Length - name.Length;
        if (end <= 0 || type.ContainingType is not null || type is INamedTypeSymbol { IsGenericType: true }
            || fullName[end - 1] != '.' || string.CompareOrdinal(fullName, end, name, 0, name.Length) != 0)
        {
            return false;
        }

        // end is the position of the dot before the simple name; each namespace must end just before it.
        end--;
        for (var space = type.ContainingNamespace; space is { IsGlobalNamespace: false }; space = space.ContainingNamespace)
        {
            var segment = space.Name;
            var start = end - segment.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, segment, 0, segment.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return space.ContainingNamespace is { IsGlobalNamespace: true };
            }

            if (fullName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        // Ask the definition: a constructed generic type (List<Dto>, Task<Order>) would first substitute its
        // whole interface list, once per instantiation, only for the answer to be compared by definition anyway.
        var definition = type.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, interfaceType))
        {
            return true;
        }

        foreach (var implemented in definition.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a type is <c>System.Exception</c> or derives from it. Recognised by name, so it answers without a
    /// compilation's types too (the code fix that rewrites an exception leak has none at hand).
    /// </summary>
    public static bool IsExceptionType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsSystemException(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a type is <c>System.Exception</c> itself, recognised by name.</summary>
    public static bool IsSystemException(ITypeSymbol type)
        => type.Name == "Exception" && type.ContainingType is null && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName);
}
