using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Inserts a statement so that it runs just before the statement that produces a response, and only on that path:
/// into the enclosing block, wrapping an embedded statement (<c>if (...) return ...;</c>) in braces, or turning an
/// expression body into a block. <see cref="TryPlan"/> says no when the response is one branch of an expression
/// (a ternary, a switch expression, <c>??</c>), where a statement before it would also run for the other branches.
/// </summary>
internal sealed class StatementInserter
{
    private readonly SyntaxNode anchor;
    private readonly bool returnsValue;

    private readonly SyntaxNode documentNode;

    private StatementInserter(SyntaxNode anchor, bool returnsValue, SyntaxNode? documentNode = null)
    {
        this.anchor = anchor;
        this.returnsValue = returnsValue;
        this.documentNode = documentNode ?? anchor;
    }

    public static StatementInserter? TryPlan(SemanticModel semanticModel, ExpressionSyntax response)
    {
        SyntaxNode current = response;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case StatementSyntax statement:
                    return new StatementInserter(statement, returnsValue: false);
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
                        && FunctionOf(arrow.Parent, semanticModel) is { } method
                        ? new StatementInserter(arrow, ReturnsValue(method))
                        : null;
                case LambdaExpressionSyntax lambda when lambda.ExpressionBody == current:
                    return semanticModel.GetSymbolInfo(lambda).Symbol is IMethodSymbol lambdaSymbol
                        ? new StatementInserter(lambda, ReturnsValue(lambdaSymbol))
                        : null;
                case ParenthesizedExpressionSyntax or AwaitExpressionSyntax or CastExpressionSyntax or ArgumentSyntax or ArgumentListSyntax
                    or InvocationExpressionSyntax or MemberAccessExpressionSyntax or EqualsValueClauseSyntax
                    or VariableDeclaratorSyntax or VariableDeclarationSyntax:
                    current = parent;
                    break;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == current:
                    current = parent;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The function whose body the statement goes into: the lambda, local function or method around the response.</summary>
    public SyntaxNode? Function => anchor is LambdaExpressionSyntax ? anchor : anchor.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax);

    /// <summary>Inserts <paramref name="statement"/>; <paramref name="lambdaRewrite"/> may change the enclosing lambda (add a parameter) in the same edit.</summary>
    public void Apply(DocumentEditor editor, StatementSyntax statement, System.Func<ParenthesizedLambdaExpressionSyntax, ParenthesizedLambdaExpressionSyntax>? lambdaRewrite = null)
    {
        statement = statement.WithAdditionalAnnotations(Formatter.Annotation);
        var lambda = lambdaRewrite is null ? null : Function as ParenthesizedLambdaExpressionSyntax;
        if (lambda is not null && lambdaRewrite is not null)
        {
            // One replacement of the whole lambda, so the parameter and the statement do not collide.
            var marker = new SyntaxAnnotation();
            var marked = lambda.ReplaceNode(anchor, anchor.WithAdditionalAnnotations(marker));
            var markedAnchor = marked.GetAnnotatedNodes(marker).First();
            var rewritten = new StatementInserter(markedAnchor, returnsValue, anchor).InsertInto(marked, statement);
            editor.ReplaceNode(lambda, lambdaRewrite((ParenthesizedLambdaExpressionSyntax)rewritten).WithAdditionalAnnotations(Formatter.Annotation));
            return;
        }

        switch (anchor)
        {
            case StatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } anchorStatement:
                editor.ReplaceNode(anchorStatement.Parent!, InsertInto(anchorStatement.Parent!, statement));
                break;
            case StatementSyntax { Parent: GlobalStatementSyntax global }:
                editor.InsertBefore(global, SyntaxFactory.GlobalStatement(statement.WithLeadingTrivia(global.GetLeadingTrivia())));
                editor.ReplaceNode(global, global.WithLeadingTrivia(SyntaxFactory.ElasticMarker));
                break;
            default:
                var container = ContainerOf(anchor);
                editor.ReplaceNode(container, InsertInto(container, statement).WithAdditionalAnnotations(Formatter.Annotation));
                break;
        }
    }

    private static SyntaxNode ContainerOf(SyntaxNode anchor) => anchor switch
    {
        ArrowExpressionClauseSyntax arrow => arrow.Parent!,
        LambdaExpressionSyntax lambda => lambda,
        _ => anchor,
    };

    /// <summary>Rewrites <paramref name="root"/> (which contains the anchor) with the statement inserted before it.</summary>
    private SyntaxNode InsertInto(SyntaxNode root, StatementSyntax statement)
    {
        switch (anchor)
        {
            case StatementSyntax anchorStatement when anchorStatement.Parent is BlockSyntax block:
                var index = block.Statements.IndexOf(anchorStatement);
                return root.ReplaceNode(block, block.WithStatements(MoveTriviaAndInsert(block.Statements, index, statement)));
            case StatementSyntax anchorStatement when anchorStatement.Parent is SwitchSectionSyntax section:
                var sectionIndex = section.Statements.IndexOf(anchorStatement);
                return root.ReplaceNode(section, section.WithStatements(MoveTriviaAndInsert(section.Statements, sectionIndex, statement)));
            case StatementSyntax anchorStatement when HasComment(anchorStatement.GetTrailingTrivia()):
                // if (busy) return StatusCode(503); // try later: the comment stays on the statement it describes.
                return root.ReplaceNode(anchorStatement, MultiLineBlock(documentNode, statement, anchorStatement.WithoutLeadingTrivia())
                    .WithLeadingTrivia(anchorStatement.GetLeadingTrivia())
                    .WithTrailingTrivia(EndOfLineOf(documentNode)));
            case StatementSyntax anchorStatement:
                return root.ReplaceNode(anchorStatement, MultiLineBlock(documentNode, statement, anchorStatement.WithoutTrivia()).WithTriviaFrom(anchorStatement));
            case ArrowExpressionClauseSyntax arrow:
                var body = MultiLineBlock(documentNode, statement, Wrap(arrow.Expression.WithoutTrivia()));
                return root.ReplaceNode(arrow.Parent!, arrow.Parent switch
                {
                    MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    BaseMethodDeclarationSyntax other => other.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    _ => arrow.Parent!,
                });
            case LambdaExpressionSyntax lambda when lambda.ExpressionBody is { } expression:
                var lambdaBody = MultiLineBlock(documentNode, statement, Wrap(expression.WithoutTrivia()));
                return root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(lambdaBody));
            default:
                return root;
        }
    }

    /// <summary>The new statement takes the anchor's leading trivia (blank lines, comments) so it reads as part of the same step.</summary>
    private static SyntaxList<StatementSyntax> MoveTriviaAndInsert(SyntaxList<StatementSyntax> statements, int index, StatementSyntax statement)
    {
        var anchorStatement = statements[index];
        return statements
            .Replace(anchorStatement, anchorStatement.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
            .Insert(index, statement.WithLeadingTrivia(anchorStatement.GetLeadingTrivia()));
    }

    /// <summary>A block the formatter lays out over several lines, even where it would keep a one-line block (a lambda argument).</summary>
    public static BlockSyntax MultiLineBlock(SyntaxNode context, params StatementSyntax[] statements)
    {
        var endOfLine = EndOfLineOf(context);
        return SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine),
            SyntaxFactory.List(statements.Select(s => HasComment(s.GetTrailingTrivia()) ? s : s.WithTrailingTrivia(endOfLine))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
            .WithLeadingTrivia(endOfLine);
    }

    private static bool HasComment(SyntaxTriviaList trivia)
        => trivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));

    /// <summary>The line ending the document already uses.</summary>
    public static SyntaxTrivia EndOfLineOf(SyntaxNode context)
    {
        var existing = context.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? SyntaxFactory.ElasticEndOfLine(existing.ToString()) : SyntaxFactory.ElasticLineFeed;
    }

    private StatementSyntax Wrap(ExpressionSyntax expression)
        => returnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);

    private static IMethodSymbol? FunctionOf(SyntaxNode declaration, SemanticModel semanticModel) => semanticModel.GetDeclaredSymbol(declaration) as IMethodSymbol;

    /// <summary>A body that returns a value needs <c>return expression;</c>; a void or <c>async Task</c> body needs <c>expression;</c>.</summary>
    private static bool ReturnsValue(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return false;
        }

        return !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" });
    }
}
