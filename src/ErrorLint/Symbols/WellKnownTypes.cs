using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Symbols;

/// <summary>
/// Every framework type the rules ask about, resolved once per compilation: the one place a type is looked up by name
/// (<c>BannedSymbols.txt</c> bans <c>GetTypeByMetadataName</c> everywhere else). <see cref="TryCreate"/> returns null
/// when ASP.NET Core is not referenced, so analyzers register nothing.
/// </summary>
internal sealed class WellKnownTypes
{
    /// <summary>
    /// The assembly that defines each type the rules look up, the same in ASP.NET Core 8 and 10
    /// (<c>WellKnownTypesTests</c> checks both). <see cref="Compilation.GetTypeByMetadataName"/> searches every
    /// reference of a web project, about 300, on every call and remembers nothing: the types are looked up in their
    /// own assembly first, and the slow way only when that assembly is not referenced or does not define the type.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> DefiningAssemblies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore.Http.HttpContext"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.HttpResponse"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.HttpRequest"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.IResult"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Mvc.ProblemDetails"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.HttpValidationProblemDetails"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.HttpResponseWritingExtensions"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Builder.IApplicationBuilder"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.IHeaderDictionary"] = "Microsoft.AspNetCore.Http.Features",
        ["Microsoft.AspNetCore.Http.HttpResponseJsonExtensions"] = "Microsoft.AspNetCore.Http.Extensions",
        ["Microsoft.AspNetCore.Http.Headers.ResponseHeaders"] = "Microsoft.AspNetCore.Http.Extensions",
        ["Microsoft.AspNetCore.Http.Results"] = "Microsoft.AspNetCore.Http.Results",
        ["Microsoft.AspNetCore.Http.TypedResults"] = "Microsoft.AspNetCore.Http.Results",
        ["Microsoft.AspNetCore.Mvc.IActionResult"] = "Microsoft.AspNetCore.Mvc.Abstractions",
        ["Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary"] = "Microsoft.AspNetCore.Mvc.Abstractions",
        ["Microsoft.AspNetCore.Mvc.ControllerBase"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ObjectResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.JsonResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ContentResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ForbidResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ChallengeResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.SignOutResult"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.Infrastructure.DefaultStatusCodeAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.SerializableError"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.RazorPages.PageModel"] = "Microsoft.AspNetCore.Mvc.RazorPages",
        ["Microsoft.AspNetCore.Mvc.Controller"] = "Microsoft.AspNetCore.Mvc.ViewFeatures",
        ["Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ProducesDefaultResponseTypeAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ProducesErrorResponseTypeAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ProducesAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ApiConventionTypeAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ApiConventionMethodAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ApiExplorerSettingsAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.RateLimiting.RateLimiterOptions"] = "Microsoft.AspNetCore.RateLimiting",
        ["Microsoft.AspNetCore.RateLimiting.OnRejectedContext"] = "Microsoft.AspNetCore.RateLimiting",
        ["Microsoft.AspNetCore.Authorization.AuthorizationResult"] = "Microsoft.AspNetCore.Authorization",
        ["Microsoft.AspNetCore.Authorization.IAuthorizeData"] = "Microsoft.AspNetCore.Metadata",
        ["Microsoft.AspNetCore.Authorization.IAllowAnonymous"] = "Microsoft.AspNetCore.Metadata",
        ["Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions"] = "Microsoft.AspNetCore.Authentication.Abstractions",
        ["Microsoft.AspNetCore.Identity.IdentityError"] = "Microsoft.Extensions.Identity.Core",
        ["Microsoft.AspNetCore.Identity.UserManager`1"] = "Microsoft.Extensions.Identity.Core",
        ["Microsoft.AspNetCore.Identity.SignInManager`1"] = "Microsoft.AspNetCore.Identity",
        ["Microsoft.AspNetCore.Http.IProblemDetailsService"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.ProblemDetailsContext"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Diagnostics.IExceptionHandler"] = "Microsoft.AspNetCore.Diagnostics",
        ["Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature"] = "Microsoft.AspNetCore.Diagnostics.Abstractions",
        ["Microsoft.Extensions.DependencyInjection.IServiceCollection"] = "Microsoft.Extensions.DependencyInjection.Abstractions",
        ["Microsoft.AspNetCore.Builder.ExceptionHandlerOptions"] = "Microsoft.AspNetCore.Diagnostics",
        ["Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature"] = "Microsoft.AspNetCore.Diagnostics.Abstractions",
        ["Microsoft.AspNetCore.Diagnostics.ErrorContext"] = "Microsoft.AspNetCore.Diagnostics.Abstractions",
        ["Microsoft.AspNetCore.Mvc.Filters.ExceptionContext"] = "Microsoft.AspNetCore.Mvc.Abstractions",
        ["Microsoft.Extensions.Hosting.IHostEnvironment"] = "Microsoft.Extensions.Hosting.Abstractions",
        ["Microsoft.Extensions.Hosting.IHostingEnvironment"] = "Microsoft.Extensions.Hosting.Abstractions",
        ["Microsoft.AspNetCore.Hosting.IHostingEnvironment"] = "Microsoft.AspNetCore.Hosting.Abstractions",
        ["System.Exception"] = "System.Runtime",
        ["System.Security.Principal.IIdentity"] = "System.Runtime",
        ["System.Security.Claims.ClaimsPrincipal"] = "System.Security.Claims",
        ["System.Security.Claims.Claim"] = "System.Security.Claims",
    };

    private static readonly HashSet<string> DefiningAssemblyNames = new(DefiningAssemblies.Values, StringComparer.Ordinal);

    private readonly Dictionary<string, IAssemblySymbol> referencedDefiningAssemblies;

    private WellKnownTypes(Compilation compilation, Dictionary<string, IAssemblySymbol> referencedDefiningAssemblies, INamedTypeSymbol httpContext)
    {
        Compilation = compilation;
        this.referencedDefiningAssemblies = referencedDefiningAssemblies;
        HttpContext = httpContext;
        HttpResponse = Find("Microsoft.AspNetCore.Http.HttpResponse");
        HttpRequest = Find("Microsoft.AspNetCore.Http.HttpRequest");
        HeaderDictionary = Find("Microsoft.AspNetCore.Http.IHeaderDictionary");
        Results = Find("Microsoft.AspNetCore.Http.Results");
        TypedResults = Find("Microsoft.AspNetCore.Http.TypedResults");
        ResultInterface = Find("Microsoft.AspNetCore.Http.IResult");
        ProblemDetails = Find("Microsoft.AspNetCore.Mvc.ProblemDetails");
        HttpValidationProblemDetails = Find("Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
        ControllerBase = Find("Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = Find("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        ViewController = Find("Microsoft.AspNetCore.Mvc.Controller");
        ApiBehaviorMetadata = Find("Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata");
        ProducesResponseTypeAttribute = Find("Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute");
        GenericProducesResponseTypeAttribute = Find("Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1");
        ProducesDefaultResponseTypeAttribute = Find("Microsoft.AspNetCore.Mvc.ProducesDefaultResponseTypeAttribute");
        ProducesErrorResponseTypeAttribute = Find("Microsoft.AspNetCore.Mvc.ProducesErrorResponseTypeAttribute");
        ProducesAttribute = Find("Microsoft.AspNetCore.Mvc.ProducesAttribute");
        ApiConventionTypeAttribute = Find("Microsoft.AspNetCore.Mvc.ApiConventionTypeAttribute");
        ApiConventionMethodAttribute = Find("Microsoft.AspNetCore.Mvc.ApiConventionMethodAttribute");
        ApiExplorerSettingsAttribute = Find("Microsoft.AspNetCore.Mvc.ApiExplorerSettingsAttribute");
        ApiResponseMetadataProvider = Find("Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider");
        EndpointMetadataProvider = Find("Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider");
        ActionResultInterface = Find("Microsoft.AspNetCore.Mvc.IActionResult");
        ObjectResult = Find("Microsoft.AspNetCore.Mvc.ObjectResult");
        JsonResult = Find("Microsoft.AspNetCore.Mvc.JsonResult");
        ContentResult = Find("Microsoft.AspNetCore.Mvc.ContentResult");
        ForbidResult = Find("Microsoft.AspNetCore.Mvc.ForbidResult");
        ChallengeResult = Find("Microsoft.AspNetCore.Mvc.ChallengeResult");
        DefaultStatusCodeAttribute = Find("Microsoft.AspNetCore.Mvc.Infrastructure.DefaultStatusCodeAttribute");
        ModelStateDictionary = Find("Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
        SerializableError = Find("Microsoft.AspNetCore.Mvc.SerializableError");
        IdentityError = Find("Microsoft.AspNetCore.Identity.IdentityError");
        Exception = Find("System.Exception");
        HttpResponseJsonExtensions = Find("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
        HttpResponseWritingExtensions = Find("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
        ProblemDetailsService = Find("Microsoft.AspNetCore.Http.IProblemDetailsService");
        ProblemDetailsContext = Find("Microsoft.AspNetCore.Http.ProblemDetailsContext");
        ApplicationBuilder = Find("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        ResponseHeaders = Find("Microsoft.AspNetCore.Http.Headers.ResponseHeaders");
        SignOutResult = Find("Microsoft.AspNetCore.Mvc.SignOutResult");
        ExceptionContext = Find("Microsoft.AspNetCore.Mvc.Filters.ExceptionContext");
        ExceptionHandler = Find("Microsoft.AspNetCore.Diagnostics.IExceptionHandler");
        ExceptionHandlerFeature = Find("Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature");
        StatusCodeReExecuteFeature = Find("Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature");
        ServiceCollection = Find("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        ExceptionHandlerOptions = Find("Microsoft.AspNetCore.Builder.ExceptionHandlerOptions");
        ErrorContext = Find("Microsoft.AspNetCore.Diagnostics.ErrorContext");
        RateLimiterOptions = Find("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
        OnRejectedContext = Find("Microsoft.AspNetCore.RateLimiting.OnRejectedContext");
        ClaimsPrincipal = Find("System.Security.Claims.ClaimsPrincipal");
        Identity = Find("System.Security.Principal.IIdentity");
        Claim = Find("System.Security.Claims.Claim");
        AuthorizationResult = Find("Microsoft.AspNetCore.Authorization.AuthorizationResult");
        AuthorizeData = Find("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        AllowAnonymous = Find("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        AuthenticationHttpContextExtensions = Find("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions");
        UserManager = Find("Microsoft.AspNetCore.Identity.UserManager`1");
        SignInManager = Find("Microsoft.AspNetCore.Identity.SignInManager`1");
        HostEnvironment = Find("Microsoft.Extensions.Hosting.IHostEnvironment");
        LegacyHostingEnvironment = Find("Microsoft.Extensions.Hosting.IHostingEnvironment");
        LegacyWebHostingEnvironment = Find("Microsoft.AspNetCore.Hosting.IHostingEnvironment");
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
    public INamedTypeSymbol? ViewController { get; }
    public INamedTypeSymbol? ApiBehaviorMetadata { get; }
    public INamedTypeSymbol? ProducesResponseTypeAttribute { get; }

    /// <summary><c>[ProducesResponseType&lt;T&gt;]</c>, from ASP.NET Core 7.</summary>
    public INamedTypeSymbol? GenericProducesResponseTypeAttribute { get; }
    public INamedTypeSymbol? ProducesDefaultResponseTypeAttribute { get; }
    public INamedTypeSymbol? ProducesErrorResponseTypeAttribute { get; }
    public INamedTypeSymbol? ProducesAttribute { get; }
    public INamedTypeSymbol? ApiConventionTypeAttribute { get; }
    public INamedTypeSymbol? ApiConventionMethodAttribute { get; }
    public INamedTypeSymbol? ApiExplorerSettingsAttribute { get; }
    public INamedTypeSymbol? ApiResponseMetadataProvider { get; }
    public INamedTypeSymbol? EndpointMetadataProvider { get; }
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
    public INamedTypeSymbol? ProblemDetailsService { get; }
    public INamedTypeSymbol? ProblemDetailsContext { get; }
    public INamedTypeSymbol? ApplicationBuilder { get; }
    public INamedTypeSymbol? ResponseHeaders { get; }
    public INamedTypeSymbol? SignOutResult { get; }

    /// <summary>The context of an MVC exception filter (<c>OnException</c>).</summary>
    public INamedTypeSymbol? ExceptionContext { get; }
    public INamedTypeSymbol? ExceptionHandler { get; }
    public INamedTypeSymbol? ExceptionHandlerFeature { get; }

    /// <summary><c>IServiceCollection</c>: where start-up code registers services.</summary>
    public INamedTypeSymbol? ServiceCollection { get; }

    /// <summary><c>ExceptionHandlerOptions</c>: a handler or path configured for <c>UseExceptionHandler()</c>.</summary>
    public INamedTypeSymbol? ExceptionHandlerOptions { get; }

    /// <summary><c>IStatusCodeReExecuteFeature</c>: the original request of one <c>UseStatusCodePagesWithReExecute</c> re-executed.</summary>
    public INamedTypeSymbol? StatusCodeReExecuteFeature { get; }

    /// <summary>The developer exception page's context for its problem-details writer.</summary>
    public INamedTypeSymbol? ErrorContext { get; }

    /// <summary>Null before ASP.NET Core 7, which has no rate limiter.</summary>
    public INamedTypeSymbol? RateLimiterOptions { get; }
    public INamedTypeSymbol? OnRejectedContext { get; }
    public INamedTypeSymbol? ClaimsPrincipal { get; }
    public INamedTypeSymbol? Identity { get; }
    public INamedTypeSymbol? Claim { get; }
    public INamedTypeSymbol? AuthorizationResult { get; }
    public INamedTypeSymbol? AuthorizeData { get; }
    public INamedTypeSymbol? AllowAnonymous { get; }
    public INamedTypeSymbol? AuthenticationHttpContextExtensions { get; }

    /// <summary>Identity's <c>UserManager&lt;TUser&gt;</c>, as its definition.</summary>
    public INamedTypeSymbol? UserManager { get; }
    public INamedTypeSymbol? SignInManager { get; }

    /// <summary>The environment <c>IsDevelopment()</c> is asked of (<c>IWebHostEnvironment</c> derives from it).</summary>
    public INamedTypeSymbol? HostEnvironment { get; }

    /// <summary>The obsolete <c>Microsoft.Extensions.Hosting.IHostingEnvironment</c>.</summary>
    public INamedTypeSymbol? LegacyHostingEnvironment { get; }

    /// <summary>The obsolete <c>Microsoft.AspNetCore.Hosting.IHostingEnvironment</c>, still the parameter of many <c>Startup.Configure</c> methods.</summary>
    public INamedTypeSymbol? LegacyWebHostingEnvironment { get; }

    public static WellKnownTypes? TryCreate(Compilation compilation)
    {
        var assemblies = ReferencedDefiningAssemblies(compilation);
        var httpContext = Find(compilation, assemblies, "Microsoft.AspNetCore.Http.HttpContext");
        return httpContext is null ? null : new WellKnownTypes(compilation, assemblies, httpContext);
    }

    /// <summary>
    /// A type by its metadata name: in the assembly that defines it (<see cref="DefiningAssemblies"/>), else anywhere. Only
    /// this class and its tests look types up; rules read the typed properties.
    /// </summary>
    internal INamedTypeSymbol? Find(string metadataName) => Find(Compilation, referencedDefiningAssemblies, metadataName);

    /// <summary>A type by its metadata name in the assembly that defines it; null when that takes the search through every reference.</summary>
    internal INamedTypeSymbol? FindInDefiningAssembly(string metadataName) => FindInDefiningAssembly(referencedDefiningAssemblies, metadataName);

    // The one place types are looked up by name (BannedSymbols.txt bans GetTypeByMetadataName elsewhere).
#pragma warning disable RS0030
    private static INamedTypeSymbol? Find(Compilation compilation, Dictionary<string, IAssemblySymbol> assemblies, string metadataName)
        => FindInDefiningAssembly(assemblies, metadataName) ?? compilation.GetTypeByMetadataName(metadataName);

    private static INamedTypeSymbol? FindInDefiningAssembly(Dictionary<string, IAssemblySymbol> assemblies, string metadataName)
        => DefiningAssemblies.TryGetValue(metadataName, out var assemblyName) && assemblies.TryGetValue(assemblyName, out var assembly)
            ? assembly.GetTypeByMetadataName(metadataName)
            : null;
#pragma warning restore RS0030

    /// <summary>The referenced assemblies among <see cref="DefiningAssemblies"/>, by name.</summary>
    private static Dictionary<string, IAssemblySymbol> ReferencedDefiningAssemblies(Compilation compilation)
    {
        var assemblies = new Dictionary<string, IAssemblySymbol>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var name = assembly.Identity.Name;
            if (DefiningAssemblyNames.Contains(name) && !assemblies.ContainsKey(name))
            {
                assemblies.Add(name, assembly);
            }
        }

        return assemblies;
    }
}
