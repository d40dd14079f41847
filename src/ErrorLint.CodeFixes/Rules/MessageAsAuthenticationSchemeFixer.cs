using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Facts.Authentication;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0006: sends the message as problem details (403 for Forbid, 401 for Challenge) instead of passing it as a scheme name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MessageAsAuthenticationSchemeFixer))]
public sealed class MessageAsAuthenticationSchemeFixer : CodeFixProvider
{
    public const string ProblemKey = RuleIdentifiers.MessageAsAuthenticationScheme + ".Problem";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MessageAsAuthenticationScheme);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not (var root, var semanticModel, var model))
        {
            return;
        }

        var facts = model.Authentication.Schemes;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax message)
            {
                continue;
            }

            // The call whose scheme argument holds the message.
            var call = message.Ancestors().OfType<ExpressionSyntax>()
                .FirstOrDefault(a => a is InvocationExpressionSyntax or ObjectCreationExpressionSyntax);
            if (call is null
                || semanticModel.GetOperation(call, context.CancellationToken) is not { } operation
                || facts.SchemeArgument(operation) is not { } argument
                || !OnlyArgument(operation, argument)
                || SchemeArguments.SchemeValues(argument).Count() != 1)
            {
                continue;
            }

            var name = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                _ => operation.Type?.Name ?? string.Empty,
            };
            int status;
            if (name.StartsWith("Forbid", System.StringComparison.Ordinal))
            {
                status = 403;
            }
            else if (name.StartsWith("Challenge", System.StringComparison.Ordinal))
            {
                status = 401;
            }
            else
            {
                // SignOut has no error response to become.
                continue;
            }

            if (Plan(operation, model, semanticModel, call, message.WithoutTrivia(), status, context.CancellationToken) is not { } planned)
            {
                continue;
            }

            var (plan, replacement) = planned;
            context.RegisterCodeFix(
                CodeAction.Create($"Send the message as problem details with status {status}", ct => plan.ApplyAsync(context.Document, replacement, ct), ProblemKey),
                diagnostic);
        }
    }

    private static (ResponseReplacer Plan, ExpressionSyntax Replacement)? Plan(
        IOperation operation, ResponseModel model, SemanticModel semanticModel, ExpressionSyntax call, ExpressionSyntax message, int status, System.Threading.CancellationToken cancellationToken)
    {
        var types = model.Types;
        FixStyle style;
        ExpressionSyntax? httpContext = null;
        switch (operation)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.Is(types.ControllerBase):
                style = FixStyle.Controller;
                break;
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.Is(types.Results):
                style = FixStyle.Results;
                break;
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.Is(types.TypedResults):
                style = FixStyle.TypedResults;
                break;
            case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } invocation:
                // HttpContext.ForbidAsync("...") becomes Results.Problem(...).ExecuteAsync(HttpContext).
                style = FixStyle.HttpResponse;
                httpContext = (invocation.Arguments[0].Value.WithoutImplicitConversions()?.Syntax as ExpressionSyntax)?.WithoutTrivia();
                if (httpContext is null)
                {
                    return null;
                }

                break;
            default:
                // PageModel has no Problem helper, and result objects are built outside controllers too.
                var containing = semanticModel.GetEnclosingSymbol(call.SpanStart, cancellationToken)?.ContainingType;
                style = containing.InheritsFrom(types.ControllerBase) ? FixStyle.Controller : FixStyle.ObjectResult;
                break;
        }

        var typeName = style switch
        {
            FixStyle.Results => "Microsoft.AspNetCore.Http.IResult",
            FixStyle.TypedResults => "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult",
            FixStyle.HttpResponse => "System.Threading.Tasks.Task",
            _ => "Microsoft.AspNetCore.Mvc.ObjectResult",
        };
        var replacement = ProblemResponseSyntax.Problem(style, message, status, httpContext);
        return ResponseReplacer.TryPlan(semanticModel, call, typeName, cancellationToken) is { } plan ? (plan, replacement) : null;
    }

    /// <summary>Other explicit arguments (authentication properties, the <c>HttpContext</c> receiver aside) would be lost: no fix then.</summary>
    private static bool OnlyArgument(IOperation operation, IArgumentOperation schemes)
    {
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            var isReceiver = operation is IInvocationOperation { TargetMethod.IsExtensionMethod: true } && argument.Parameter?.Ordinal == 0;
            var isNull = argument.Value.WithoutImplicitConversions() is { ConstantValue: { HasValue: true, Value: null } };
            if (argument != schemes && !isReceiver && !isNull && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return false;
            }
        }

        return true;
    }
}
