using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Replaces a response expression with another one, widening a <c>Results&lt;...&gt;</c> return type when the
/// new result is not yet one of its cases. <see cref="TryPlan"/> says no when the result might not compile,
/// so fixers offer nothing rather than break the build.
/// </summary>
internal sealed class ResponseReplacer
{
    // Results<T1, ..., T6> is the largest union ASP.NET Core defines.
    private const int MaxResultsUnionArity = 6;

    private readonly ExpressionSyntax original;
    private readonly GenericNameSyntax? unionToWiden;
    private readonly string? caseToAdd;

    private ResponseReplacer(ExpressionSyntax original, GenericNameSyntax? unionToWiden, string? caseToAdd)
    {
        this.original = original;
        this.unionToWiden = unionToWiden;
        this.caseToAdd = caseToAdd;
    }

    /// <param name="newTypeName">The metadata name of the replacement's type, e.g. <c>Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult</c>.</param>
    public static ResponseReplacer? TryPlan(SemanticModel model, ExpressionSyntax original, string newTypeName, CancellationToken cancellationToken)
    {
        var newType = ResponseModel.For(model.Compilation)?.Types.Find(newTypeName);
        var convertedType = model.GetTypeInfo(original, cancellationToken).ConvertedType;
        if (newType is null || convertedType is null || convertedType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (model.Compilation.ClassifyConversion(newType, convertedType).IsImplicit)
        {
            return new ResponseReplacer(original, null, null);
        }

        var function = original.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax);
        var declaredReturnType = function switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ReturnType,
            LocalFunctionStatementSyntax local => local.ReturnType,
            MethodDeclarationSyntax method => method.ReturnType,
            _ => null,
        };

        // A lambda without a declared return type infers it from its only return: any result type fits.
        if (declaredReturnType is null && function is AnonymousFunctionExpressionSyntax anonymous && HasSingleReturn(anonymous))
        {
            return new ResponseReplacer(original, null, null);
        }

        if (UnwrapTask(declaredReturnType) is GenericNameSyntax { Identifier.ValueText: "Results" } union
            && union.TypeArgumentList.Arguments.Count < MaxResultsUnionArity
            && model.GetTypeInfo(union, cancellationToken).Type is INamedTypeSymbol { ContainingNamespace: { Name: "HttpResults" } })
        {
            return new ResponseReplacer(original, union, newTypeName);
        }

        return null;
    }

    /// <summary>Whether the plan adds a case to the declared <c>Results&lt;...&gt;</c> union for the replacement.</summary>
    public bool WidensUnion => unionToWiden is not null;

    /// <summary>A plan without the conversion check, for a value the code already knows fits: a status replacing a status.</summary>
    public static ResponseReplacer Unchecked(ExpressionSyntax original) => new(original, null, null);

    /// <summary>Replaces the original expression (formatted, keeping its trivia), widens the union if planned, and adds the imports the new names need.</summary>
    public async Task<Document> ApplyAsync(Document document, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(original, replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation));
        if (unionToWiden is not null && caseToAdd is not null)
        {
            var widened = unionToWiden.WithTypeArgumentList(unionToWiden.TypeArgumentList.AddArguments(StatusCodeSyntax.TypeSyntaxFor(caseToAdd)));
            editor.ReplaceNode(unionToWiden, widened);
        }

        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static TypeSyntax? UnwrapTask(TypeSyntax? type)
        => type is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task
            ? task.TypeArgumentList.Arguments[0]
            : type is QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } qualifiedTask }
                ? qualifiedTask.TypeArgumentList.Arguments[0]
                : type;

    private static bool HasSingleReturn(AnonymousFunctionExpressionSyntax lambda)
    {
        if (lambda.ExpressionBody is not null)
        {
            return true;
        }

        var returns = lambda.Block?.DescendantNodes(n => n == lambda.Block || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Count();
        return returns == 1;
    }
}
