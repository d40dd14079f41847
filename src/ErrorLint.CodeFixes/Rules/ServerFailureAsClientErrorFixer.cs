using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0003: answers the server-side failure with 500 problem details (keeping a message written as a constant), or
/// rethrows so the exception handler answers, where the catch does nothing but log and answer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ServerFailureAsClientErrorFixer))]
public sealed class ServerFailureAsClientErrorFixer : CodeFixProvider
{
    public const string ProblemKey = RuleIdentifiers.ServerFailureAsClientError + ".Problem";
    public const string RethrowKey = RuleIdentifiers.ServerFailureAsClientError + ".Rethrow";
    public const string StatusKey = RuleIdentifiers.ServerFailureAsClientError + ".Status";

    private const int ServerError = 500;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ServerFailureAsClientError);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { } response))
            {
                continue;
            }

            if (response.Kind == ResponseKind.StatusAssignment && StatusReplacement.Editable(response.StatusOperation) is { } statusSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Send status 500", ct => StatusReplacement.ReplaceAsync(context.Document, statusSyntax, ServerError, ct), StatusKey),
                    diagnostic);
            }

            var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            var style = FixStyles.For(response, containing, model.Types);
            if (style != FixStyle.HttpResponse)
            {
                RegisterProblem(context, diagnostic, semanticModel, node, style, options);
            }

            if (RethrowPlan(response) is { } rethrow)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Rethrow and let the exception handler answer", ct => RethrowAsync(context.Document, rethrow, ct), RethrowKey),
                    diagnostic);
            }
        }
    }

    private static void RegisterProblem(
        CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, ExpressionSyntax node, FixStyle style, ErrorLintOptions options)
    {
        if (ResponseReplacer.TryPlan(semanticModel, node, ProblemTypeName(style), context.CancellationToken) is null)
        {
            return;
        }

        // The sibling catches of the same try, reported with this one, are answered the same way.
        context.RegisterCodeFix(
            CodeAction.Create(
                "Return problem details with status 500",
                ct => EachSite.ApplyAsync(context.Document, EachSite.Of(diagnostic), (document, site, siteModel, token) => ProblemAsync(document, site, siteModel, options, token), ct),
                ProblemKey),
            diagnostic);
    }

    private static async Task<Document?> ProblemAsync(Document document, SyntaxNode site, SemanticModel semanticModel, ErrorLintOptions options, CancellationToken cancellationToken)
    {
        if (site is not ExpressionSyntax node
            || ResponseModel.For(semanticModel.Compilation) is not { } model
            || semanticModel.GetOperation(node, cancellationToken) is not { } operation
            || model.Describe(operation, cancellationToken) is not { } response)
        {
            return null;
        }

        var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        var style = FixStyles.For(response, containing, model.Types);
        if (style == FixStyle.HttpResponse || ResponseReplacer.TryPlan(semanticModel, node, ProblemTypeName(style), cancellationToken) is not { } plan)
        {
            return null;
        }

        var replacement = ProblemResponseSyntax.Problem(style, ConstantMessage(response, model, options), ServerError);
        return await plan.ApplyAsync(document, replacement, cancellationToken).ConfigureAwait(false);
    }

    private static string ProblemTypeName(FixStyle style) => style switch
    {
        FixStyle.Results => "Microsoft.AspNetCore.Http.IResult",
        FixStyle.TypedResults => "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult",
        _ => "Microsoft.AspNetCore.Mvc.ObjectResult",
    };

    /// <summary>A message written as a constant (<c>"Something went wrong"</c>) is generic enough to keep; anything computed may leak details.</summary>
    private static ExpressionSyntax? ConstantMessage(HttpResponseInfo response, ResponseModel model, ErrorLintOptions options)
    {
        var body = response.Body.WithoutImplicitConversions();
        var message = body?.Type?.SpecialType == SpecialType.System_String ? body : ErrorBodyClassifier.Classify(body, model.Types, options)?.Message;
        return message is { ConstantValue: { HasValue: true, Value: string }, Syntax: ExpressionSyntax text } ? text.WithoutTrivia() : null;
    }

    /// <summary>
    /// <c>return BadRequest(...);</c> as the last statement of a catch block whose other statements only log: the
    /// whole answer can go, and the exception handler answers instead.
    /// </summary>
    private static Rethrow? RethrowPlan(HttpResponseInfo response)
    {
        var parent = response.Operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        if (parent is not IReturnOperation { Syntax: ReturnStatementSyntax returnStatement } returnOperation
            || returnOperation.ReturnedValue.WithoutImplicitConversions() != response.Operation
            || returnStatement.Parent is not BlockSyntax block
            || block.Parent is not CatchClauseSyntax catchClause
            || block.Statements.LastOrDefault() != returnStatement
            || ExceptionFacts.EnclosingCatch(returnOperation) is not { } catchOperation
            || catchOperation.Handler.Syntax != block)
        {
            return null;
        }

        foreach (var statement in catchOperation.Handler.Operations)
        {
            if (statement != returnOperation && !IsLogging(statement))
            {
                return null;
            }
        }

        return new Rethrow(catchClause, returnStatement);
    }

    private static bool IsLogging(IOperation statement)
        => statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation }
            && (invocation.TargetMethod.Name.StartsWith("Log", System.StringComparison.Ordinal)
                || invocation.TargetMethod.ContainingType?.Name is "LoggerExtensions"
                || invocation.Instance?.Type?.Name.EndsWith("Logger", System.StringComparison.Ordinal) == true);

    private static async Task<Document> RethrowAsync(Document document, Rethrow plan, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var throwStatement = SyntaxFactory.ThrowStatement().WithTriviaFrom(plan.ReturnStatement).WithAdditionalAnnotations(Formatter.Annotation);
        editor.ReplaceNode(plan.ReturnStatement, throwStatement);

        // "catch (Exception ex) { throw; }" would leave ex unused.
        if (plan.CatchClause.Declaration is { Identifier.ValueText.Length: > 0 } declaration)
        {
            var name = declaration.Identifier.ValueText;
            var stillUsed = plan.CatchClause.Block.DescendantNodes()
                .Where(n => !plan.ReturnStatement.Span.Contains(n.Span))
                .OfType<IdentifierNameSyntax>()
                .Any(identifier => identifier.Identifier.ValueText == name);
            var filterUses = plan.CatchClause.Filter?.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name) == true;
            if (!stillUsed && !filterUses)
            {
                editor.ReplaceNode(
                    declaration,
                    declaration.WithIdentifier(SyntaxFactory.Token(SyntaxKind.None)).WithType(declaration.Type.WithoutTrailingTrivia()).WithCloseParenToken(declaration.CloseParenToken));
            }
        }

        return editor.GetChangedDocument();
    }

    private sealed class Rethrow
    {
        public Rethrow(CatchClauseSyntax catchClause, ReturnStatementSyntax returnStatement)
        {
            CatchClause = catchClause;
            ReturnStatement = returnStatement;
        }

        public CatchClauseSyntax CatchClause { get; }

        public ReturnStatementSyntax ReturnStatement { get; }
    }
}
