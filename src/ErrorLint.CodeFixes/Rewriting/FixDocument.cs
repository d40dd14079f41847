using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// What a fixer reads before it looks at its diagnostics: the document's syntax root, its semantic model and the
/// compilation's response model, which describes each response the way the rule that reported it did.
/// </summary>
internal sealed class FixDocument
{
    private FixDocument(SyntaxNode root, SemanticModel semanticModel, ResponseModel model)
    {
        Root = root;
        SemanticModel = semanticModel;
        Model = model;
    }

    public SyntaxNode Root { get; }

    public SemanticModel SemanticModel { get; }

    public ResponseModel Model { get; }

    /// <summary>Null when the document has no syntax or semantics, or its compilation does not reference ASP.NET Core.</summary>
    public static async Task<FixDocument?> ReadAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        return root is not null && semanticModel is not null && ResponseModel.For(semanticModel.Compilation) is { } model
            ? new FixDocument(root, semanticModel, model)
            : null;
    }

    /// <summary>
    /// The response a diagnostic is reported on, described as the rule described it, with the expression and operation
    /// that produce it; null when the code there produces none (the document changed, or the span is not a response).
    /// </summary>
    public ReportedResponse? ResponseAt(Diagnostic diagnostic, CancellationToken cancellationToken)
        => Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax node
            && SemanticModel.GetOperation(node, cancellationToken) is { } operation
            && Model.Describe(operation, cancellationToken) is { } response
                ? new ReportedResponse(node, operation, response)
                : null;

    public void Deconstruct(out SyntaxNode root, out SemanticModel semanticModel, out ResponseModel model)
    {
        root = Root;
        semanticModel = SemanticModel;
        model = Model;
    }
}

/// <summary>A response a diagnostic is reported on: the expression, its operation and what it sends.</summary>
internal sealed class ReportedResponse
{
    public ReportedResponse(ExpressionSyntax node, IOperation operation, HttpResponseInfo response)
    {
        Node = node;
        Operation = operation;
        Response = response;
    }

    public ExpressionSyntax Node { get; }

    public IOperation Operation { get; }

    public HttpResponseInfo Response { get; }

    public void Deconstruct(out ExpressionSyntax node, out IOperation operation, out HttpResponseInfo response)
    {
        node = Node;
        operation = Operation;
        response = Response;
    }
}
