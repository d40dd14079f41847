using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0015: sends the problem details as <c>application/problem+json</c> without changing the status. A
/// <c>Results</c>/<c>TypedResults</c> helper whose status the problem's own <c>Status</c> repeats becomes
/// <c>Results.Problem(problem)</c>; otherwise <c>Results.Json(problem, contentType: ..., statusCode: ...)</c> keeps the
/// helper's status (<c>Results.Problem</c> would send 500 for a problem without one). <c>WriteAsJsonAsync</c> and
/// <c>Json</c> calls get the <c>contentType</c> argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProblemDetailsAsPlainJsonFixer))]
public sealed class ProblemDetailsAsPlainJsonFixer : CodeFixProvider
{
    public const string ProblemContentTypeKey = RuleIdentifiers.ProblemDetailsAsPlainJson + ".ProblemContentType";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ProblemDetailsAsPlainJson);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, _, { Body.Syntax: ExpressionSyntax problem } response)
                || ProblemDetailsAsPlainJsonAnalyzer.Advice(response, model) is null
                || response.Operation is not IInvocationOperation call
                || node is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var name = call.TargetMethod.Name;
            if (name is "Json" or "WriteAsJsonAsync")
            {
                if (WithProblemContentType(call, invocation) is { } rewritten)
                {
                    Register(context, diagnostic, invocation, rewritten);
                }

                continue;
            }

            var style = response.Style == ResponseStyle.TypedResults ? FixStyle.TypedResults : FixStyle.Results;
            if (response.StatusCode is { } status && ProblemDetailsFacts.ReadStatus(response.Body) == status)
            {
                // The problem says the same status the helper sends: Problem(problem) sends it as problem details.
                var helper = StatusCodeSyntax.MemberOf(style == FixStyle.TypedResults ? "Microsoft.AspNetCore.Http.TypedResults" : "Microsoft.AspNetCore.Http.Results", "Problem");
                new ProblemReplacement(
                    SyntaxFactory.InvocationExpression(helper, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(problem.WithoutTrivia())))),
                    ProblemReplacement.ProblemTypeName(style),
                    "Send the problem details as application/problem+json",
                    ProblemContentTypeKey).Register(context, diagnostic, semanticModel, invocation);
            }
            else if (style == FixStyle.Results && response.StatusCode is { } sent)
            {
                var json = SyntaxFactory.InvocationExpression(
                    StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", "Json"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(problem.WithoutTrivia()),
                        ContentTypeArgument(),
                        SyntaxFactory.Argument(StatusCodeSyntax.For(sent)).WithNameColon(SyntaxFactory.NameColon("statusCode")),
                    })));
                new ProblemReplacement(json, "Microsoft.AspNetCore.Http.IResult", "Send the problem details as application/problem+json", ProblemContentTypeKey)
                    .Register(context, diagnostic, semanticModel, invocation);
            }
        }
    }

    /// <summary>
    /// The call with <c>contentType: "application/problem+json"</c>: added to <c>Results.Json</c>, or to
    /// <c>WriteAsJsonAsync(value[, options][, cancellationToken])</c> through the overload that takes options and a content
    /// type; null for the overloads that take a type or a <c>JsonTypeInfo</c> first.
    /// </summary>
    private static InvocationExpressionSyntax? WithProblemContentType(IInvocationOperation call, InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var existing = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "contentType");
        if (existing is not null)
        {
            return invocation.ReplaceNode(existing, ContentTypeArgument().WithTriviaFrom(existing));
        }

        if (call.TargetMethod.Name == "Json")
        {
            return call.TargetMethod.Parameters.Any(p => p.Name == "contentType") ? invocation.AddArgumentListArguments(ContentTypeArgument()) : null;
        }

        // Positional arguments after the value: options (keep it) or a cancellation token (name it).
        var rebuilt = new List<ArgumentSyntax>();
        ArgumentSyntax? options = null;
        ArgumentSyntax? cancellation = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Syntax is not ArgumentSyntax syntax || argument.Parameter is not { } parameter)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "value":
                    rebuilt.Add(syntax);
                    break;
                case "options":
                    options = syntax.WithNameColon(SyntaxFactory.NameColon("options"));
                    break;
                case "cancellationToken":
                    cancellation = syntax.WithNameColon(SyntaxFactory.NameColon("cancellationToken"));
                    break;
                default:
                    return null;
            }
        }

        if (rebuilt.Count != 1)
        {
            return null;
        }

        rebuilt.Add(options ?? SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)).WithNameColon(SyntaxFactory.NameColon("options")));
        rebuilt.Add(ContentTypeArgument());
        if (cancellation is not null)
        {
            rebuilt.Add(cancellation);
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(rebuilt)));
    }

    private static ArgumentSyntax ContentTypeArgument()
        => SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(ProblemDetailsAsPlainJsonAnalyzer.ProblemJson)))
            .WithNameColon(SyntaxFactory.NameColon("contentType"));

    private static void Register(CodeFixContext context, Diagnostic diagnostic, InvocationExpressionSyntax original, InvocationExpressionSyntax rewritten)
        => context.RegisterCodeFix(
            CodeAction.Create(
                "Send the problem details as application/problem+json",
                ct => ResponseReplacer.Unchecked(original).ApplyAsync(context.Document, rewritten, ct),
                ProblemContentTypeKey),
            diagnostic);
}
