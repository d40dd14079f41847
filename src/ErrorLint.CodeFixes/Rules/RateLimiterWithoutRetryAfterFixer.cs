using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Rules;
using ErrorLint.Operations;
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
/// EL0008: adds an <c>OnRejected</c> callback (or extends the existing one) that copies the lease's
/// <c>MetadataName.RetryAfter</c> into the <c>Retry-After</c> header, and sets <c>RejectionStatusCode</c> to 429
/// when it is left at the default 503.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimiterWithoutRetryAfterFixer))]
public sealed class RateLimiterWithoutRetryAfterFixer : CodeFixProvider
{
    public const string AddOnRejectedKey = RuleIdentifiers.RateLimiterWithoutRetryAfter + ".AddOnRejected";
    public const string ExtendOnRejectedKey = RuleIdentifiers.RateLimiterWithoutRetryAfter + ".ExtendOnRejected";
    public const string AddPolicyItselfKey = RuleIdentifiers.RateLimiterWithoutRetryAfter + ".AddPolicyItself";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RateLimiterWithoutRetryAfter);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not (var root, var semanticModel, var model)
            || model.RateLimiter is not { } rateLimiter
            || model.Types.HeaderDictionary?.GetMembers("RetryAfter").IsEmpty != false)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Properties.ContainsKey(RateLimiterWithoutRetryAfterAnalyzer.BypassedPolicyProperty))
            {
                RegisterPolicyInsteadOfPartitioner(context, diagnostic, root, semanticModel, node);
                continue;
            }

            var configuration = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
                .Select(i => semanticModel.GetOperation(i, context.CancellationToken) is IInvocationOperation invocation
                    ? rateLimiter.DescribeConfiguration(invocation, context.CancellationToken)
                    : null)
                .FirstOrDefault(c => c is not null);
            if (configuration is not { Lambda: { Syntax: LambdaExpressionSyntax configure } lambda }
                || lambda.Symbol.Parameters.Length != 1)
            {
                continue;
            }

            var optionsName = lambda.Symbol.Parameters[0].Name;
            if (configuration.OnRejected.IsEmpty)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add an OnRejected callback that sets Retry-After",
                        ct => AddOnRejectedAsync(context.Document, semanticModel, configure, optionsName, !configuration.RejectionStatusAssigned, ct),
                        AddOnRejectedKey),
                    diagnostic);
                continue;
            }

            var callback = configuration.OnRejected.FirstOrDefault(c => c.Assignment.Target.Syntax.Span == diagnostic.Location.SourceSpan);
            if (callback is not { Assignment.Syntax: AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignmentStatement } }
                || callback.Assignment.Value.WithoutImplicitConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Syntax: LambdaExpressionSyntax onRejected } onRejectedLambda }
                || onRejectedLambda.Symbol.Parameters.Length != 2
                || onRejectedLambda.Symbol.Parameters[0].Name is "_" or ""
                || onRejectedLambda.Symbol.Parameters[0].IsDiscard)
            {
                continue;
            }

            var setsStatus = !configuration.RejectionStatusAssigned && !AssignsResponseStatus(onRejectedLambda);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set Retry-After in OnRejected",
                    ct => ExtendOnRejectedAsync(context.Document, semanticModel, onRejected, onRejectedLambda, assignmentStatement, optionsName, setsStatus, ct),
                    ExtendOnRejectedKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddOnRejectedAsync(
        Document document, SemanticModel semanticModel, LambdaExpressionSyntax configure, string optionsName, bool setsStatus, CancellationToken cancellationToken)
    {
        var position = configure.Body.SpanStart;
        var contextName = UnusedName(semanticModel, position, "context", "rejectedContext");
        var tokenName = UnusedName(semanticModel, position, "cancellationToken", "rejectionToken");
        var retryAfterName = UnusedName(semanticModel, position, "retryAfter", "leaseRetryAfter");

        var statements = new List<StatementSyntax>();
        if (setsStatus)
        {
            statements.Add(RejectionStatusStatement(optionsName, configure));
        }

        statements.Add(Annotate(Parse(
            $"{optionsName}.OnRejected = ({contextName}, {tokenName}) =>\n{{\n{CopyRetryAfterText(contextName, retryAfterName)}\n\nreturn __ValueTask.CompletedTask;\n}};\n", configure)));

        var newBody = configure.Body switch
        {
            BlockSyntax block when block.ToString().IndexOf('\n') < 0 => StatementInserter.MultiLineBlock(configure, block.Statements.Concat(statements).ToArray()),
            BlockSyntax block => block.AddStatements(statements.ToArray()),
            ExpressionSyntax expression => StatementInserter.MultiLineBlock(configure, new[] { (StatementSyntax)SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()) }.Concat(statements).ToArray()),
            _ => null,
        };
        if (newBody is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLambda = configure switch
        {
            SimpleLambdaExpressionSyntax simple => (LambdaExpressionSyntax)simple.WithExpressionBody(null).WithBlock(newBody),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null).WithBlock(newBody),
            _ => configure,
        };
        editor.ReplaceNode(configure, newLambda.WithAdditionalAnnotations(Formatter.Annotation));
        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ExtendOnRejectedAsync(
        Document document,
        SemanticModel semanticModel,
        LambdaExpressionSyntax onRejected,
        IAnonymousFunctionOperation onRejectedLambda,
        ExpressionStatementSyntax assignmentStatement,
        string optionsName,
        bool setsStatus,
        CancellationToken cancellationToken)
    {
        var contextName = onRejectedLambda.Symbol.Parameters[0].Name;
        var retryAfterName = UnusedName(semanticModel, onRejected.Body.SpanStart, "retryAfter", "leaseRetryAfter");
        var endOfLine = StatementInserter.EndOfLineOf(onRejected);
        var copy = Annotate(Parse(CopyRetryAfterText(contextName, retryAfterName) + "\n", onRejected));

        BlockSyntax newBody;
        if (onRejected.Body is BlockSyntax block)
        {
            var first = block.Statements.FirstOrDefault();
            var rest = first is null ? block.Statements : block.Statements.Replace(first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, endOfLine)));
            newBody = block.WithStatements(rest.Insert(0, copy));
        }
        else if (onRejected.Body is ExpressionSyntax expression)
        {
            var returnsValue = !onRejectedLambda.Symbol.IsAsync;
            StatementSyntax rest = returnsValue ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia()) : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            newBody = StatementInserter.MultiLineBlock(onRejected, copy, rest.WithLeadingTrivia(endOfLine));
        }
        else
        {
            return document;
        }

        var newLambda = onRejected switch
        {
            SimpleLambdaExpressionSyntax simple => (LambdaExpressionSyntax)simple.WithExpressionBody(null).WithBlock(newBody),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null).WithBlock(newBody),
            _ => onRejected,
        };

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(onRejected, newLambda.WithAdditionalAnnotations(Formatter.Annotation));
        if (setsStatus && assignmentStatement.Parent is BlockSyntax)
        {
            editor.InsertBefore(assignmentStatement, RejectionStatusStatement(optionsName, assignmentStatement));
        }

        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static StatementSyntax RejectionStatusStatement(string optionsName, SyntaxNode context)
        => Annotate(Parse($"{optionsName}.RejectionStatusCode = __StatusCodes.Status429TooManyRequests;\n", context));

    private static string CopyRetryAfterText(string contextName, string retryAfterName)
        => $"if ({contextName}.Lease.TryGetMetadata(__MetadataName.RetryAfter, out var {retryAfterName}))\n{{\n"
            + $"{contextName}.HttpContext.Response.Headers.RetryAfter = ((int){retryAfterName}.TotalSeconds).ToString(__CultureInfo.InvariantCulture);\n}}";

    private static StatementSyntax Parse(string text, SyntaxNode context)
    {
        var endOfLine = StatementInserter.EndOfLineOf(context).ToString();
        return SyntaxFactory.ParseStatement(endOfLine == "\n" ? text : text.Replace("\n", endOfLine));
    }

    /// <summary>Swaps the placeholders for fully qualified types that the simplifier shortens, adding their <c>using</c>s.</summary>
    private static StatementSyntax Annotate(StatementSyntax statement)
    {
        var replaced = statement.ReplaceNodes(
            statement.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText.StartsWith("__", System.StringComparison.Ordinal)),
            (original, _) => StatusCodeSyntax.TypeSyntaxFor(original.Identifier.ValueText switch
            {
                "__ValueTask" => "System.Threading.Tasks.ValueTask",
                "__MetadataName" => "System.Threading.RateLimiting.MetadataName",
                "__CultureInfo" => "System.Globalization.CultureInfo",
                _ => "Microsoft.AspNetCore.Http.StatusCodes",
            }).WithTriviaFrom(original));
        return replaced.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool AssignsResponseStatus(IAnonymousFunctionOperation lambda)
        => lambda.Body.Descendants().Any(o => o is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "StatusCode", ContainingType.Name: "HttpResponse" } } });

    private static string UnusedName(SemanticModel semanticModel, int position, string preferred, string fallback)
        => semanticModel.LookupSymbols(position, name: preferred).IsEmpty ? preferred : fallback;

    /// <summary>
    /// <c>AddPolicy(name, context =&gt; new MyPolicy().GetPartition(context))</c> becomes <c>AddPolicy(name, new MyPolicy())</c>,
    /// the overload that runs the policy's own <c>OnRejected</c>.
    /// </summary>
    private static void RegisterPolicyInsteadOfPartitioner(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<ArgumentSyntax>() is not { Expression: LambdaExpressionSyntax partitioner } argument
            || partitioner.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation
            || semanticModel.GetOperation(creation, context.CancellationToken) is not IObjectCreationOperation)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add the policy itself, so its OnRejected runs",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(creation.WithTriviaFrom(partitioner))))),
                AddPolicyItselfKey),
            diagnostic);
    }
}
