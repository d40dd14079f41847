using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>A problem-details response that replaces a response expression, with the code action that offers it.</summary>
internal sealed class ProblemReplacement
{
    public ProblemReplacement(ExpressionSyntax syntax, string typeName, string title, string equivalenceKey)
    {
        Syntax = syntax;
        TypeName = typeName;
        Title = title;
        EquivalenceKey = equivalenceKey;
    }

    public ExpressionSyntax Syntax { get; }

    /// <summary>The metadata name of the replacement's type, which <see cref="ResponseReplacer"/> checks the code can hold.</summary>
    public string TypeName { get; }

    public string Title { get; }

    public string EquivalenceKey { get; }

    /// <summary>The type of the <c>Problem(...)</c> that <see cref="ProblemResponseSyntax.Problem"/> writes in a style.</summary>
    public static string ProblemTypeName(FixStyle style) => style switch
    {
        FixStyle.Results => "Microsoft.AspNetCore.Http.IResult",
        FixStyle.TypedResults => "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult",
        FixStyle.HttpResponse => "System.Threading.Tasks.Task",
        _ => "Microsoft.AspNetCore.Mvc.ObjectResult",
    };

    /// <summary>Offers the replacement of <paramref name="node"/>, unless the result might not compile.</summary>
    public void Register(CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, ExpressionSyntax node)
    {
        if (ResponseReplacer.TryPlan(semanticModel, node, TypeName, context.CancellationToken) is not { } plan)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(CodeAction.Create(Title, ct => plan.ApplyAsync(document, Syntax, ct), EquivalenceKey), diagnostic);
    }
}
