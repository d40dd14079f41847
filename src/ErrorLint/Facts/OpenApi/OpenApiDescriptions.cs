using System;
using System.Collections.Generic;
using System.Threading;
using ErrorLint.Facts.Endpoints;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.OpenApi;

/// <summary>
/// What an endpoint's OpenAPI description declares about its responses (EL0014), read the way ApiExplorer and the
/// generators read it. For a controller action: <c>[ProducesResponseType]</c> (plain, generic, with a type) on the
/// action, the controller, its bases or the assembly; <c>[ProducesDefaultResponseType]</c>;
/// <c>[ProducesErrorResponseType]</c>; <c>[ApiConventionMethod]</c> and <c>[ApiConventionType]</c> (the convention
/// methods' own attributes, matched by name); Swashbuckle's <c>[SwaggerResponse]</c>; XML
/// <c>&lt;response code="404"&gt;</c> comments. For a minimal-API lambda: the same attributes on the lambda,
/// <c>.Produces</c>/<c>.ProducesProblem</c>/<c>.ProducesValidationProblem</c> on the endpoint and its route groups,
/// and the typed results of its return type that carry metadata (<c>NotFound</c>, <c>Conflict</c>, not
/// <c>ProblemHttpResult</c>). Metadata it cannot read (an unresolved attribute, an application convention, an
/// endpoint builder stored for later) counts as declaring everything.
/// </summary>
internal sealed class OpenApiDescriptions
{
    private static readonly string[] GeneratorAssemblyPrefixes = { "Microsoft.AspNetCore.OpenApi", "Swashbuckle.AspNetCore", "NSwag." };

    // The interfaces through which an application adds responses to every operation, out of this reader's sight.
    private static readonly HashSet<string> ConventionInterfaces = new(StringComparer.Ordinal)
    {
        "IOperationFilter", "IDocumentFilter", "IOpenApiOperationTransformer", "IOpenApiDocumentTransformer", "IOperationProcessor",
        "IDocumentProcessor", "IApplicationModelConvention", "IControllerModelConvention", "IActionModelConvention", "IApiDescriptionProvider",
    };

    // The typed results whose metadata declares an error status (IEndpointMetadataProvider in Microsoft.AspNetCore.Http.HttpResults).
    private static readonly Dictionary<string, int> TypedErrorResults = new(StringComparer.Ordinal)
    {
        ["BadRequest"] = 400,
        ["NotFound"] = 404,
        ["Conflict"] = 409,
        ["UnprocessableEntity"] = 422,
        ["ValidationProblem"] = 400,
        ["InternalServerError"] = 500,
    };

    private readonly WellKnownTypes types;
    private readonly MemberWalkCache members;
    private int conventionsOutOfSight;

    public OpenApiDescriptions(WellKnownTypes types, MemberWalkCache members)
    {
        this.types = types;
        this.members = members;
        GeneratorReferenced = ReferencesGenerator(types.Compilation);
    }

    /// <summary>The project references Microsoft.AspNetCore.OpenApi, Swashbuckle or NSwag.</summary>
    public bool GeneratorReferenced { get; }

    /// <summary>
    /// An operation filter, document transformer or MVC model convention of the application that touches responses
    /// (<c>operation.Responses.Add("401", ...)</c>): it may declare any status on any endpoint. Read once per
    /// compilation, and only when a rule is about to report.
    /// </summary>
    public bool ConventionsOutOfSight(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref conventionsOutOfSight);
        if (known == 0)
        {
            known = FindConventionsOutOfSight(cancellationToken) ? 1 : 2;
            Volatile.Write(ref conventionsOutOfSight, known);
        }

        return known == 1;
    }

    /// <summary>What a controller action, its controller and its assembly declare.</summary>
    public DeclaredResponses ForAction(IMethodSymbol action, CancellationToken cancellationToken)
    {
        var declared = new DeclaredResponses();
        ReadAttributes(action, declared, readConventions: true);
        ReadDocumentationComment(action, declared, cancellationToken);
        for (var type = action.ContainingType; type is not null; type = type.BaseType)
        {
            ReadAttributes(type, declared, readConventions: false);
            ReadConventionType(type, action, declared);
        }

        ReadAttributes(action.ContainingAssembly, declared, readConventions: false);
        ReadConventionType(action.ContainingAssembly, action, declared);
        return declared;
    }

    /// <summary>What a minimal-API lambda, its <c>Map*</c> call, its route groups and its return type declare.</summary>
    public DeclaredResponses ForEndpoint(IAnonymousFunctionOperation lambda, IInvocationOperation map)
    {
        var declared = new DeclaredResponses();
        ReadAttributes(lambda.Symbol, declared, readConventions: true);
        ReadReturnType(lambda.Symbol.ReturnType, declared);

        var conventions = EndpointConventions.Of(map, members);
        if (conventions.MayHaveUnseen)
        {
            declared.AddUnreadable();
        }

        foreach (var call in conventions.Calls)
        {
            ReadConventionCall(call, declared);
        }

        return declared;
    }

    public bool IsApiController(INamedTypeSymbol type) => ApiControllers.IsApiController(type, types);

    /// <summary>Whether <c>[ProducesResponseType&lt;T&gt;]</c> can be written: ASP.NET Core 7 or later, and C# 11 for generic attributes.</summary>
    public bool CanWriteGenericAttribute(SyntaxTree tree)
        => types.GenericProducesResponseTypeAttribute is not null
            && tree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };

    private static bool ReferencesGenerator(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var prefix in GeneratorAssemblyPrefixes)
            {
                if (assembly.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void ReadAttributes(ISymbol symbol, DeclaredResponses declared, bool readConventions)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass || attributeClass.TypeKind == TypeKind.Error)
            {
                // [SwaggerResponse(404)] of an unrestored package: response metadata nobody can read yet.
                if (LooksLikeResponseMetadata(attribute.AttributeClass?.Name))
                {
                    declared.AddUnreadable();
                }

                continue;
            }

            var definition = attributeClass.OriginalDefinition;
            if (IsProducesResponseType(definition) || definition.Name == "SwaggerResponseAttribute")
            {
                AddAttributeStatus(attribute, declared);
            }
            else if (definition.Is(types.ProducesDefaultResponseTypeAttribute) || definition.Is(types.ProducesErrorResponseTypeAttribute))
            {
                declared.AddDefault();
            }
            else if (definition.Is(types.ProducesAttribute))
            {
                declared.MarkDescribed();
            }
            else if (definition.Is(types.ApiExplorerSettingsAttribute))
            {
                if (NamedArgument(attribute, "IgnoreApi") is { Value: true })
                {
                    declared.Exclude();
                }
            }
            else if (definition.Name == "ExcludeFromDescriptionAttribute")
            {
                declared.Exclude();
            }
            else if (definition.Is(types.ApiConventionMethodAttribute))
            {
                if (readConventions && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol conventionType && attribute.ConstructorArguments[1].Value is string methodName)
                {
                    foreach (var member in conventionType.GetMembers(methodName))
                    {
                        ReadAttributes(member, declared, readConventions: false);
                    }
                }
                else
                {
                    declared.AddUnreadable();
                }
            }
            else if (attributeClass.Implements(types.ApiResponseMetadataProvider))
            {
                // An application's own response attribute: its status is computed at run time.
                declared.AddUnreadable();
            }
        }
    }

    private bool IsProducesResponseType(INamedTypeSymbol definition)
        => definition.Is(types.ProducesResponseTypeAttribute) || definition.Is(types.GenericProducesResponseTypeAttribute);

    private static void AddAttributeStatus(AttributeData attribute, DeclaredResponses declared)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is int status)
            {
                declared.Add(status);
                return;
            }
        }

        if (NamedArgument(attribute, "StatusCode") is { Value: int named })
        {
            declared.Add(named);
        }
        else if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Type)
        {
            // [ProducesResponseType(typeof(Order))] declares 200.
            declared.Add(200);
        }
        else
        {
            declared.AddUnreadable();
        }
    }

    private static TypedConstant? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>[ApiConventionType(typeof(DefaultApiConventions))]</c>: the convention methods whose name matches the action's
    /// (<c>[ApiConventionNameMatch(Prefix)]</c>: <c>Get</c> for <c>GetOrder</c>) lend it their attributes. Parameters
    /// are not matched, which can only widen what counts as declared.
    /// </summary>
    private void ReadConventionType(ISymbol holder, IMethodSymbol action, DeclaredResponses declared)
    {
        foreach (var attribute in holder.GetAttributes())
        {
            if (!attribute.AttributeClass.Is(types.ApiConventionTypeAttribute))
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol conventionType)
            {
                declared.AddUnreadable();
                continue;
            }

            foreach (var member in conventionType.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && NameMatches(method, action.Name))
                {
                    ReadAttributes(method, declared, readConventions: false);
                }
            }
        }
    }

    private static bool NameMatches(IMethodSymbol conventionMethod, string actionName)
    {
        var behavior = 1; // ApiConventionNameMatchBehavior.Exact, the default
        foreach (var attribute in conventionMethod.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ApiConventionNameMatchAttribute" && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int value)
            {
                behavior = value;
            }
        }

        var name = conventionMethod.Name;
        return behavior switch
        {
            0 => true,
            2 => actionName.StartsWith(name, StringComparison.Ordinal) && (actionName.Length == name.Length || char.IsUpper(actionName[name.Length])),
            3 => actionName.EndsWith(name, StringComparison.Ordinal),
            _ => string.Equals(actionName, name, StringComparison.Ordinal),
        };
    }

    /// <summary><c>/// &lt;response code="404"&gt;...&lt;/response&gt;</c> above the action, which both generators read.</summary>
    private static void ReadDocumentationComment(IMethodSymbol action, DeclaredResponses declared, CancellationToken cancellationToken)
    {
        foreach (var reference in action.DeclaringSyntaxReferences)
        {
            foreach (var trivia in reference.GetSyntax(cancellationToken).GetLeadingTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
                    && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    continue;
                }

                // Read in the source text itself: a string of every action's doc comment would be most of what the rule allocates.
                var text = trivia.SyntaxTree?.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                var end = trivia.FullSpan.End;
                for (var at = IndexOf(text, "<response", trivia.FullSpan.Start, end); at >= 0; at = IndexOf(text, "<response", at + 1, end))
                {
                    if (ReadCode(text, at, end) is { } status)
                    {
                        declared.Add(status);
                    }
                    else
                    {
                        declared.AddUnreadable();
                    }
                }
            }
        }
    }

    /// <summary>Where <paramref name="value"/> starts in <paramref name="text"/> between two positions; -1 when it does not.</summary>
    private static int IndexOf(SourceText text, string value, int start, int end)
    {
        for (var at = start; at + value.Length <= end; at++)
        {
            var matches = true;
            for (var i = 0; i < value.Length && matches; i++)
            {
                matches = text[at + i] == value[i];
            }

            if (matches)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The number in <c>code="404"</c> after <paramref name="start"/>; null when it is not three digits.</summary>
    private static int? ReadCode(SourceText text, int start, int end)
    {
        var code = IndexOf(text, "code=", start, end);
        var close = IndexOf(text, ">", start, end);
        if (code < 0 || (close >= 0 && code > close) || code + 9 > end)
        {
            return null;
        }

        var status = 0;
        for (var i = code + 6; i < code + 9; i++)
        {
            var digit = text[i];
            if (digit is < '0' or > '9')
            {
                return null;
            }

            status = (status * 10) + (digit - '0');
        }

        return status;
    }

    /// <summary><c>Results&lt;Ok&lt;Order&gt;, NotFound&gt;</c>, <c>Task&lt;NotFound&gt;</c>: the typed results that carry their status as metadata.</summary>
    private void ReadReturnType(ITypeSymbol returnType, DeclaredResponses declared)
    {
        if (returnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            returnType = task.TypeArguments[0];
        }

        if (returnType is not INamedTypeSymbol named)
        {
            return;
        }

        if (named.Name == "Results" && IsHttpResultsType(named))
        {
            foreach (var member in named.TypeArguments)
            {
                ReadTypedResult(member, declared);
            }

            return;
        }

        ReadTypedResult(named, declared);
    }

    private void ReadTypedResult(ITypeSymbol type, DeclaredResponses declared)
    {
        if (!type.Implements(types.EndpointMetadataProvider))
        {
            return;
        }

        if (!IsHttpResultsType(type))
        {
            // An application's result type that writes its own metadata.
            declared.AddUnreadable();
        }
        else if (TypedErrorResults.TryGetValue(type.Name, out var status))
        {
            declared.Add(status);
        }
        else
        {
            declared.MarkDescribed();
        }
    }

    private static bool IsHttpResultsType(ITypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpResults";

    private void ReadConventionCall(IInvocationOperation call, DeclaredResponses declared)
    {
        switch (call.TargetMethod.Name)
        {
            case "Produces":
                AddCallStatus(call, declared, defaultStatus: 200);
                break;
            case "ProducesProblem":
                AddCallStatus(call, declared, defaultStatus: null);
                break;
            case "ProducesValidationProblem":
                AddCallStatus(call, declared, defaultStatus: 400);
                break;
            case "ExcludeFromDescription":
                declared.Exclude();
                break;
            case "WithOpenApi" or "WithSummary" or "WithDescription" or "WithTags":
                // WithOpenApi(operation => ...) may add any response.
                if (call.TargetMethod.Name == "WithOpenApi" && call.Arguments.Length > 1 && call.Arguments[1].ArgumentKind != ArgumentKind.DefaultValue)
                {
                    declared.AddUnreadable();
                }
                else
                {
                    declared.MarkDescribed();
                }

                break;
            case "WithMetadata" or "AddOpenApiOperationTransformer":
                declared.AddUnreadable();
                break;
            default:
                if (call.TargetMethod.IsDeclaredIn(types.Compilation) && LooksLikeResponseMetadata(call.TargetMethod.Name))
                {
                    // An application's own .ProducesStandardErrors(): it may declare anything.
                    declared.AddUnreadable();
                }

                break;
        }
    }

    private static void AddCallStatus(IInvocationOperation call, DeclaredResponses declared, int? defaultStatus)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name != "statusCode")
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue && defaultStatus is { } status)
            {
                declared.Add(status);
            }
            else if (StatusCodeValue.Read(argument.Value) is { } written)
            {
                declared.Add(written);
            }
            else
            {
                declared.AddUnreadable();
            }

            return;
        }

        declared.AddUnreadable();
    }

    private static bool LooksLikeResponseMetadata(string? name)
        => name is not null
            && (name.IndexOf("Produces", StringComparison.Ordinal) >= 0 || name.IndexOf("Response", StringComparison.Ordinal) >= 0
                || name.IndexOf("Swagger", StringComparison.Ordinal) >= 0 || name.IndexOf("OpenApi", StringComparison.Ordinal) >= 0);

    private bool FindConventionsOutOfSight(CancellationToken cancellationToken)
    {
        foreach (var symbol in types.Compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !ImplementsConventionInterface(type))
            {
                continue;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is "Responses" or "ProducesResponseTypeAttribute" or "ProducesResponseType"
                        or "ProducesResponseTypeMetadata" or "ProducesDefaultResponseTypeAttribute")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool ImplementsConventionInterface(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (ConventionInterfaces.Contains(implemented.Name))
            {
                return true;
            }
        }

        foreach (var declared in type.Interfaces)
        {
            if (ConventionInterfaces.Contains(declared.Name))
            {
                return true;
            }
        }

        return false;
    }
}
