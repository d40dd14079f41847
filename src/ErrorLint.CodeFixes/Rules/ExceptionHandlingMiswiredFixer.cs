using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0016: adds what the exception handling is missing where the document builds the application:
/// <c>builder.Services.AddProblemDetails();</c> before <c>var app = builder.Build();</c> (or at the end of
/// <c>ConfigureServices</c>), and <c>app.UseExceptionHandler();</c> right after it (or first in <c>Configure</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionHandlingMiswiredFixer))]
public sealed class ExceptionHandlingMiswiredFixer : CodeFixProvider
{
    public const string AddProblemDetailsKey = RuleIdentifiers.ExceptionHandlingMiswired + ".AddProblemDetails";
    public const string UseExceptionHandlerKey = RuleIdentifiers.ExceptionHandlingMiswired + ".UseExceptionHandler";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ExceptionHandlingMiswired);

    // Every diagnostic of one kind asks for the same one line: applied in turn, the fixes after the first find it there.
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
            diagnostic.Properties.TryGetValue(ExceptionHandlingMiswiredAnalyzer.MissingProperty, out var missing);
            if (missing is null || Calls(root, missing))
            {
                continue;
            }

            var build = BuildStatement(root, model, context.CancellationToken);
            if (missing == ExceptionHandlingMiswiredAnalyzer.AddProblemDetails)
            {
                var (anchor, statement, after) = build is { } b
                    ? ((StatementSyntax?)b.Statement, $"{b.Builder}.Services.AddProblemDetails();", false)
                    : LastStatementOf(root, "ConfigureServices", "services", ".AddProblemDetails();");
                Register(context, diagnostic, anchor, statement, after, "Register problem details (AddProblemDetails())", AddProblemDetailsKey);
            }
            else if (missing == ExceptionHandlingMiswiredAnalyzer.AddMiddleware)
            {
                var (anchor, statement, after) = build is { App: { } app } b
                    ? ((StatementSyntax?)b.Statement, $"{app}.UseExceptionHandler();", true)
                    : FirstStatementOf(root, "Configure", "app", ".UseExceptionHandler();");
                Register(context, diagnostic, anchor, statement, after, "Add the exception handler middleware (UseExceptionHandler())", UseExceptionHandlerKey);
            }
        }
    }

    /// <summary>Whether the document already calls the method (an earlier fix of Fix All added it).</summary>
    private static bool Calls(SyntaxNode root, string method)
        => root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => call.Expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == method);

    private static void Register(CodeFixContext context, Diagnostic diagnostic, StatementSyntax? anchor, string? statement, bool after, string title, string key)
    {
        if (anchor is null || statement is null)
        {
            return;
        }

        context.RegisterCodeFix(CodeAction.Create(title, ct => InsertAsync(context.Document, anchor, statement, after, ct), key), diagnostic);
    }

    /// <summary><c>var app = builder.Build();</c> on a <c>WebApplicationBuilder</c>: the statement, the builder and the local.</summary>
    private static (LocalDeclarationStatementSyntax Statement, string Builder, string? App)? BuildStatement(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.Declaration.Variables.Count == 1
                && declaration.Declaration.Variables[0] is { Initializer.Value: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax builder } } } variable
                && model.GetTypeInfo(builder, cancellationToken).Type?.Name == "WebApplicationBuilder")
            {
                return (declaration, builder.Identifier.ValueText, variable.Identifier.ValueText);
            }
        }

        return null;
    }

    /// <summary>The last statement of a <c>ConfigureServices(IServiceCollection services)</c> method, to add after it.</summary>
    private static (StatementSyntax?, string?, bool) LastStatementOf(SyntaxNode root, string method, string parameterFallback, string call)
    {
        var body = FindMethod(root, method, out var parameter);
        return body?.Statements.LastOrDefault() is { } last ? (last, (parameter ?? parameterFallback) + call, true) : (null, null, false);
    }

    /// <summary>The first statement of a <c>Configure(IApplicationBuilder app, ...)</c> method, to add before it.</summary>
    private static (StatementSyntax?, string?, bool) FirstStatementOf(SyntaxNode root, string method, string parameterFallback, string call)
    {
        var body = FindMethod(root, method, out var parameter);
        return body?.Statements.FirstOrDefault() is { } first ? (first, (parameter ?? parameterFallback) + call, false) : (null, null, false);
    }

    private static BlockSyntax? FindMethod(SyntaxNode root, string name, out string? firstParameter)
    {
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == name && m.ParameterList.Parameters.Count > 0 && m.Body is not null);
        firstParameter = method?.ParameterList.Parameters[0].Identifier.ValueText;
        return method?.Body;
    }

    private static async Task<Document> InsertAsync(Document document, StatementSyntax anchor, string statementText, bool after, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var endOfLine = anchor.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var indentation = anchor.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var statement = SyntaxFactory.ParseStatement(statementText)
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);

        // A statement of top-level code is a global statement of the compilation unit.
        SyntaxNode anchorNode = anchor.Parent is GlobalStatementSyntax global ? global : anchor;
        SyntaxNode inserted = anchorNode is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(statement) : statement;
        var newRoot = after ? root.InsertNodesAfter(anchorNode, new[] { inserted }) : root.InsertNodesBefore(anchorNode, new[] { inserted });
        return document.WithSyntaxRoot(newRoot);
    }
}
