using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Responses;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0011: wraps the call in <c>if (app.Environment.IsDevelopment())</c> or <c>if (env.IsDevelopment())</c>, with
/// whatever environment is in scope. The "registered after UseExceptionHandler" form has no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeveloperExceptionPageOutsideDevelopmentFixer))]
public sealed class DeveloperExceptionPageOutsideDevelopmentFixer : CodeFixProvider
{
    public const string DevelopmentGuardKey = RuleIdentifiers.DeveloperExceptionPageOutsideDevelopment + ".DevelopmentGuard";

    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DeveloperExceptionPageOutsideDevelopment);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(DeveloperExceptionPageOutsideDevelopmentAnalyzer.OrderProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Parent is not ExpressionStatementSyntax statement
                || statement.Parent is not (BlockSyntax or GlobalStatementSyntax)
                || EnvironmentOf(model, invocation, context.CancellationToken) is not { } environment)
            {
                continue;
            }

            var condition = SyntaxFactory.ParseExpression(environment + ".IsDevelopment()");
            var bound = model.GetSpeculativeSymbolInfo(statement.SpanStart, condition, SpeculativeBindingOption.BindAsExpression);
            var addUsing = bound.Symbol is null && bound.CandidateSymbols.IsEmpty;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Call only in development ({environment}.IsDevelopment())",
                    _ => Task.FromResult(Wrap(context.Document, root, statement, condition, addUsing)),
                    DevelopmentGuardKey),
                diagnostic);
        }
    }

    private static Document Wrap(Document document, SyntaxNode root, ExpressionStatementSyntax statement, ExpressionSyntax condition, bool addUsing)
    {
        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        // A trailing comment stays with the call it describes, inside the block.
        var trailing = statement.GetTrailingTrivia();
        var comment = trailing.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
        var inner = comment ? statement.WithoutLeadingTrivia() : statement.WithoutTrivia();
        var guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(inner))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(comment ? SyntaxFactory.TriviaList(trailing.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).Take(1)) : trailing)
            .WithAdditionalAnnotations(Formatter.Annotation);
        editor.ReplaceNode(statement, guarded);
        if (addUsing && root is CompilationUnitSyntax compilationUnit)
        {
            UsingDirectives.Add(editor, compilationUnit, HostingNamespace);
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    /// <summary>
    /// The environment to test: <c>app.Environment</c> when the receiver is a <c>WebApplication</c>, else an
    /// <c>IWebHostEnvironment</c>/<c>IHostEnvironment</c> parameter, local, field or property in scope.
    /// </summary>
    private static string? EnvironmentOf(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var webApplication = ResponseModel.For(model.Compilation)?.Types.Find("Microsoft.AspNetCore.Builder.WebApplication");
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
            && webApplication is not null
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(receiver, cancellationToken).Type, webApplication))
        {
            return receiver.Identifier.ValueText + ".Environment";
        }

        return ValuesInScope.NearestOfType(model, invocation.SpanStart, "Microsoft.Extensions.Hosting.IHostEnvironment", cancellationToken);
    }
}
