using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.OpenApi;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0014: an endpoint sends a constant 4xx/5xx status that its OpenAPI description does not declare. Checked in
/// controller actions and minimal-API lambdas of a project that describes its responses (see
/// <see cref="OpenApiScope"/>); what counts as declared is read by <see cref="OpenApiDescriptions"/>, once per endpoint.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredErrorStatusAnalyzer : DiagnosticAnalyzer
{
    public const string StatusKey = "Status";
    public const string FormKey = "Form";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0014UndeclaredErrorStatus);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is { } model)
            {
                start.RegisterOperationBlockAction(c => AnalyzeBlock(c, model));
            }
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, ResponseModel model)
    {
        // A block is almost always one endpoint (an action, or a lambda's body): its declaration is kept beside the loop,
        // and a dictionary is made only for a block that maps several (top-level statements).
        object? firstEndpoint = null;
        DeclaredResponses? firstDeclared = null;
        Dictionary<object, DeclaredResponses?>? otherEndpoints = null;

        // Every response outside a lambda has the block's own handler: it is described once, not once per response.
        HandlerContext? blockHandler = null;
        foreach (var response in model.OperationsIn(context).Responses)
        {
            if (response is not { IsError: true, StatusCode: { } status } || response.StatusOrigin == StatusOrigin.Unknown
                || response.Kind is ResponseKind.Forbid or ResponseKind.Challenge or ResponseKind.Write)
            {
                continue;
            }

            var handler = response.Operation.IsInFunctionNestedIn(response.Operation.Root())
                ? model.GetHandler(response.Operation, context.OwningSymbol)
                : blockHandler ??= model.GetHandler(response.Operation, context.OwningSymbol);
            if (EndpointOf(handler) is not { } endpoint)
            {
                continue;
            }

            DeclaredResponses? declared;
            if (firstEndpoint is null)
            {
                firstEndpoint = endpoint;
                declared = firstDeclared = Declared(endpoint, handler, model, context);
            }
            else if (firstEndpoint.Equals(endpoint))
            {
                declared = firstDeclared;
            }
            else
            {
                otherEndpoints ??= new Dictionary<object, DeclaredResponses?>();
                if (!otherEndpoints.TryGetValue(endpoint, out declared))
                {
                    declared = Declared(endpoint, handler, model, context);
                    otherEndpoints[endpoint] = declared;
                }
            }

            if (declared is null || declared.Declares(status) || model.OpenApi.ConventionsOutOfSight(context.CancellationToken))
            {
                continue;
            }

            var form = FormFor(response, endpoint is IMethodSymbol, model.Types);
            var declaration = Spell(form, status, model.OpenApi.CanWriteGenericAttribute(response.Operation.Syntax.SyntaxTree));
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(StatusKey, status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(FormKey, form.ToString());
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0014UndeclaredErrorStatus, response.Operation.Syntax.GetLocation(), properties, response.Producer, status, declaration));
        }
    }

    /// <summary>The routed action (its method) or the minimal-API lambda a response is sent from; null elsewhere.</summary>
    private static object? EndpointOf(HandlerContext handler)
    {
        if (!handler.IsRoutedAction)
        {
            return null;
        }

        return handler.FunctionKind switch
        {
            HandlerKind.Endpoint when handler.Function is IAnonymousFunctionOperation lambda => lambda,
            HandlerKind.ControllerAction when handler.ContainingSymbol is IMethodSymbol action && !handler.Function.IsFunction() => action,
            _ => null,
        };
    }

    /// <summary>What the endpoint declares; null when it is not checked (excluded from the document, or outside the configured scope).</summary>
    private static DeclaredResponses? Declared(object endpoint, HandlerContext handler, ResponseModel model, OperationBlockAnalysisContext context)
    {
        var openApi = model.OpenApi;
        DeclaredResponses declared;
        bool isApi;
        if (endpoint is IMethodSymbol action)
        {
            declared = openApi.ForAction(action, context.CancellationToken);
            isApi = openApi.IsApiController(action.ContainingType);
        }
        else if (endpoint is IAnonymousFunctionOperation lambda && PipelineCalls.MapCallOf(lambda) is { } map)
        {
            declared = openApi.ForEndpoint(lambda, map);
            isApi = true;
        }
        else
        {
            return null;
        }

        if (declared.IsExcluded)
        {
            return null;
        }

        var scope = ErrorLintOptions.For(context.Options, handler.Function.Syntax.SyntaxTree).OpenApiScope;
        var inScope = scope switch
        {
            OpenApiScope.Generator => openApi.GeneratorReferenced && (declared.DescribesResponses || isApi),
            OpenApiScope.Declared => declared.DescribesResponses,
            _ => declared.DescribesResponses || (openApi.GeneratorReferenced && isApi),
        };
        return inScope ? declared : null;
    }

    private static DeclarationForm FormFor(HttpResponseInfo response, bool isController, WellKnownTypes types)
    {
        var problem = response.Kind == ResponseKind.Problem || (response.Body?.Type).InheritsFrom(types.ProblemDetails);
        var validation = response.Kind == ResponseKind.ValidationProblem;
        return isController
            ? validation ? DeclarationForm.AttributeValidationProblem : problem ? DeclarationForm.AttributeProblem : DeclarationForm.Attribute
            : validation ? DeclarationForm.ProducesValidationProblem : problem ? DeclarationForm.ProducesProblem : DeclarationForm.Produces;
    }

    /// <summary>The declaration as the fix writes it, for the message.</summary>
    internal static string Spell(DeclarationForm form, int status, bool genericAttribute)
    {
        var code = StatusCodeNames.Spelled(status);
        return form switch
        {
            DeclarationForm.AttributeProblem => genericAttribute
                ? $"[ProducesResponseType<ProblemDetails>({code})]"
                : $"[ProducesResponseType(typeof(ProblemDetails), {code})]",
            DeclarationForm.AttributeValidationProblem => genericAttribute
                ? $"[ProducesResponseType<ValidationProblemDetails>({code})]"
                : $"[ProducesResponseType(typeof(ValidationProblemDetails), {code})]",
            DeclarationForm.Attribute => $"[ProducesResponseType({code})]",
            DeclarationForm.ProducesProblem => $".ProducesProblem({code})",
            DeclarationForm.ProducesValidationProblem => status == 400 ? ".ProducesValidationProblem()" : $".ProducesValidationProblem({code})",
            _ => $".Produces({code})",
        };
    }
}

/// <summary>How EL0014's fix declares a status: an attribute on the action, or a call chained on the <c>Map*</c> call.</summary>
internal enum DeclarationForm
{
    Attribute,
    AttributeProblem,
    AttributeValidationProblem,
    Produces,
    ProducesProblem,
    ProducesValidationProblem,
}
