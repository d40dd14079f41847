using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0012: rewrites the error response to problem details with the same status, carrying the message over as
/// <c>detail</c>; validation state becomes <c>ValidationProblem(ModelState)</c>. Offered only when nothing in
/// the body would be lost. Where EL0002–EL0005 say the status is wrong, the rewrite sends the status they expect.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyNotProblemDetailsFixer))]
public sealed class ErrorBodyNotProblemDetailsFixer : CodeFixProvider
{
    public const string ProblemKey = RuleIdentifiers.ErrorBodyNotProblemDetails + ".Problem";
    public const string ValidationProblemKey = RuleIdentifiers.ErrorBodyNotProblemDetails + ".ValidationProblem";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ErrorBodyNotProblemDetails);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { StatusCode: { } status, Body: { } body } response))
            {
                continue;
            }

            var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
            if (NonProblemBody.Classify(body, model.Types, options) is not { } nonProblem)
            {
                continue;
            }

            var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            var style = FixStyles.For(response, containing, model.Types);
            // A controller's invalid ModelState is EL0002's to answer: its fix keeps the field errors (ValidationProblem),
            // which this rewrite from the body alone would not; after it, this rule has nothing left to report.
            if (style == FixStyle.Controller
                && ValidationFailureAsServerErrorAnalyzer.ReasonToReport(response, model) is not null
                && model.Validation.FailedCheck(response.Operation) is { IsControllerModelState: true })
            {
                continue;
            }

            var rightStatus = StatusOtherRulesExpect(response, model, containing, options) ?? status;
            BuildReplacement(response, nonProblem, style, rightStatus)?.Register(context, diagnostic, semanticModel, node);
        }
    }

    /// <summary>
    /// The status another rule says the response should have: a validation failure sent as 5xx (EL0002), a server
    /// failure sent as 4xx (EL0003), a permission failure answered 401 (EL0004) or a request that is not signed in
    /// answered 403 (EL0005). Rewriting the body keeps no status another rule reports as wrong.
    /// </summary>
    private static int? StatusOtherRulesExpect(HttpResponseInfo response, ResponseModel model, ISymbol? containing, ErrorLintOptions options)
    {
        if (ValidationFailureAsServerErrorAnalyzer.ReasonToReport(response, model) is not null)
        {
            return options.ValidationStatus;
        }

        if (ServerFailureAsClientErrorAnalyzer.Reported(response, model, containing) is not null)
        {
            return 500;
        }

        if (ForbiddenForAnonymousRequestAnalyzer.AnonymousOnThePath(response, model.Authentication) is not null)
        {
            return 401;
        }

        // A request that may also come in not signed in needs 401 or 403 by case; the fix of EL0004 writes both.
        return UnauthorizedForAuthenticatedUserAnalyzer.FailedPermission(response, model.Authentication, containing, out var reachableAnonymously) is not null && !reachableAnonymously
            ? 403
            : null;
    }

    private static ProblemReplacement? BuildReplacement(HttpResponseInfo response, NonProblemBody body, FixStyle style, int status)
    {
        ExpressionSyntax? httpContext = null;
        if (style == FixStyle.HttpResponse)
        {
            httpContext = response.Kind == ResponseKind.Write ? ResponseAccess.HttpContextOf(response) : null;
            if (httpContext is null)
            {
                return null;
            }
        }

        if (body.Kind == NonProblemBodyKind.ValidationState)
        {
            // ModelState keeps its field errors in ValidationProblem; other validation shapes need a human.
            if (style != FixStyle.Controller || response.Body?.Type?.Name != "ModelStateDictionary" || response.Body.Syntax is not ExpressionSyntax modelState)
            {
                return null;
            }

            return new ProblemReplacement(
                ProblemResponseSyntax.ValidationProblem(style, modelState.WithoutTrivia(), status),
                "Microsoft.AspNetCore.Mvc.ActionResult",
                $"Return ValidationProblem ({status})",
                ValidationProblemKey);
        }

        if (body.SoleMessage?.Syntax is not ExpressionSyntax detail)
        {
            return null;
        }

        var typeName = ProblemReplacement.ProblemTypeName(style);
        return new ProblemReplacement(
            ProblemResponseSyntax.Problem(style, detail.WithoutTrivia(), status, httpContext),
            typeName,
            $"Return problem details with status {status}",
            ProblemKey);
    }
}
