using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Rules;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0007: sets <c>Response.Headers.RetryAfter</c> just before the 429/503 response, from a retry/delay/reset value in
/// scope or the configured default seconds; adds an <c>HttpContext</c> parameter to a minimal-API lambda that has none.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingRetryAfterFixer))]
public sealed class MissingRetryAfterFixer : CodeFixProvider
{
    public const string SetRetryAfterKey = RuleIdentifiers.MissingRetryAfter + ".SetRetryAfter";

    private const string HttpContextParameterName = "httpContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingRetryAfter);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document
            || !HasRetryAfterProperty(model.Types))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(MissingRetryAfterAnalyzer.ProblemProperty, out var problem) && problem == MissingRetryAfterAnalyzer.InvalidValue)
            {
                continue;
            }

            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { } response)
                || StatementInserter.TryPlan(semanticModel, node) is not { } inserter)
            {
                continue;
            }

            var target = ResponseAccess.Reachable(semanticModel, node, response, model.Types, inserter.Function, HttpContextParameterName, context.CancellationToken);
            if (target is null)
            {
                continue;
            }

            var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
            var value = ValuesInScope.RetryDelay(semanticModel, node, context.CancellationToken)
                ?? SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression,
                    SyntaxFactory.Literal(options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                ResponseAccess.Member(ResponseAccess.Member(target.Response, "Headers"), "RetryAfter"),
                value));

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set the Retry-After header",
                    ct => ApplyAsync(context.Document, inserter, statement, target.AddParameterTo, ct),
                    SetRetryAfterKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(
        Document document, StatementInserter inserter, StatementSyntax statement, ParenthesizedLambdaExpressionSyntax? addParameterTo, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (addParameterTo is null)
        {
            inserter.Apply(editor, statement);
        }
        else
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(HttpContextParameterName))
                .WithType(StatusCodeSyntax.TypeSyntaxFor("Microsoft.AspNetCore.Http.HttpContext"));
            inserter.Apply(editor, statement, lambda => lambda.WithParameterList(lambda.ParameterList.AddParameters(parameter)));
        }

        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static bool HasRetryAfterProperty(WellKnownTypes types)
        => types.HeaderDictionary?.GetMembers("RetryAfter").OfType<IPropertySymbol>().Any() == true;

}
