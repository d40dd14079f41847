using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0014: declares the status in the endpoint's own style. A controller action gets
/// <c>[ProducesResponseType(StatusCodes.Status404NotFound)]</c> (<c>&lt;ProblemDetails&gt;</c> when the body is problem
/// details) after its other attributes; a minimal-API endpoint gets <c>.ProducesProblem(...)</c>, <c>.Produces(...)</c>
/// or <c>.ProducesValidationProblem()</c> at the end of the calls chained on its <c>Map*</c> call, on a line of its own
/// when the chain already breaks lines. A status already declared there is not declared again, so Fix All declares each
/// missing status of an endpoint once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndeclaredErrorStatusFixer))]
public sealed class UndeclaredErrorStatusFixer : CodeFixProvider
{
    public const string DeclareStatusKey = RuleIdentifiers.UndeclaredErrorStatus + ".DeclareStatus";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UndeclaredErrorStatus);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UndeclaredErrorStatusAnalyzer.StatusKey, out var statusText)
                || !int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                || !diagnostic.Properties.TryGetValue(UndeclaredErrorStatusAnalyzer.FormKey, out var formText)
                || !Enum.TryParse<DeclarationForm>(formText, out var form))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var title = $"Declare {status} in the endpoint's OpenAPI description";
            if (form is DeclarationForm.Attribute or DeclarationForm.AttributeProblem or DeclarationForm.AttributeValidationProblem)
            {
                if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } action && !DeclaresInAttributes(action, status, semanticModel, context.CancellationToken))
                {
                    var generic = CanWriteGenericAttribute(semanticModel);
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => AddAttributeAsync(context.Document, action, Attribute(form, status, generic), ct), DeclareStatusKey),
                        diagnostic);
                }
            }
            else if (MapCallOf(node) is { } map && OutermostChained(map) is var outermost && !DeclaresInChain(map, outermost, status, semanticModel, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ChainAsync(context.Document, outermost, form, status, ct), DeclareStatusKey),
                    diagnostic);
            }
        }
    }

    private static bool CanWriteGenericAttribute(SemanticModel semanticModel)
        => ErrorLint.Responses.ResponseModel.For(semanticModel.Compilation) is { } model && model.OpenApi.CanWriteGenericAttribute(semanticModel.SyntaxTree);

    private static AttributeSyntax Attribute(DeclarationForm form, int status, bool generic)
    {
        var statusArgument = SyntaxFactory.AttributeArgument(StatusCodeSyntax.For(status));
        var bodyType = form switch
        {
            DeclarationForm.AttributeProblem => "Microsoft.AspNetCore.Mvc.ProblemDetails",
            DeclarationForm.AttributeValidationProblem => "Microsoft.AspNetCore.Mvc.ValidationProblemDetails",
            _ => null,
        };

        if (bodyType is null)
        {
            return SyntaxFactory.Attribute(AttributeName(null), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(statusArgument)));
        }

        if (generic)
        {
            return SyntaxFactory.Attribute(AttributeName(bodyType), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(statusArgument)));
        }

        var typeArgument = SyntaxFactory.AttributeArgument(SyntaxFactory.TypeOfExpression(StatusCodeSyntax.TypeSyntaxFor(bodyType)));
        return SyntaxFactory.Attribute(AttributeName(null), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(new[] { typeArgument, statusArgument })));
    }

    /// <summary><c>ProducesResponseType</c> or <c>ProducesResponseType&lt;T&gt;</c>, qualified so that the clean-up adds the <c>using</c>.</summary>
    private static NameSyntax AttributeName(string? bodyType)
    {
        var name = bodyType is null
            ? (SimpleNameSyntax)SyntaxFactory.IdentifierName("ProducesResponseType")
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier("ProducesResponseType"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(StatusCodeSyntax.TypeSyntaxFor(bodyType))));
        return SyntaxFactory.QualifiedName(SyntaxFactory.ParseName("global::Microsoft.AspNetCore.Mvc"), name)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation);
    }

    /// <summary>Adds the attribute as a list of its own after the action's other attributes, or above the action, with its indentation.</summary>
    private static async Task<Document> AddAttributeAsync(Document document, MethodDeclarationSyntax action, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var firstToken = action.GetFirstToken();
        var indentation = Indentation(firstToken.LeadingTrivia);
        var endOfLine = EndOfLine(root);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
        MethodDeclarationSyntax rewritten;
        if (action.AttributeLists.Count > 0)
        {
            var last = action.AttributeLists.Last();
            list = list.WithLeadingTrivia(Indentation(last.GetFirstToken().LeadingTrivia)).WithTrailingTrivia(endOfLine);
            rewritten = action.WithAttributeLists(action.AttributeLists.Add(list));
        }
        else
        {
            // The comments above the action stay above the attribute.
            list = list.WithLeadingTrivia(firstToken.LeadingTrivia).WithTrailingTrivia(endOfLine);
            var stripped = action.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(indentation));
            rewritten = stripped.WithAttributeLists(stripped.AttributeLists.Add(list));
        }

        return await Imports.AddAsync(document.WithSyntaxRoot(root.ReplaceNode(action, rewritten)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the declaration to the chain on the <c>Map*</c> call, breaking the line as the chain does.</summary>
    private static async Task<Document> ChainAsync(Document document, InvocationExpressionSyntax outermost, DeclarationForm form, int status, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var name = form switch
        {
            DeclarationForm.ProducesProblem => "ProducesProblem",
            DeclarationForm.ProducesValidationProblem => "ProducesValidationProblem",
            _ => "Produces",
        };
        var arguments = form == DeclarationForm.ProducesValidationProblem && status == 400
            ? SyntaxFactory.ArgumentList()
            : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StatusCodeSyntax.For(status))));

        var trailing = outermost.GetTrailingTrivia();
        ExpressionSyntax receiver = outermost.WithoutTrailingTrivia();
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
        if (outermost.Expression is MemberAccessExpressionSyntax { OperatorToken: var previousDot } && StartsLine(previousDot))
        {
            receiver = receiver.WithTrailingTrivia(EndOfLine(root));
            dot = dot.WithLeadingTrivia(Indentation(previousDot.LeadingTrivia));
        }

        var declared = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, SyntaxFactory.IdentifierName(name)),
            arguments).WithTrailingTrivia(trailing);
        return await Imports.AddAsync(document.WithSyntaxRoot(root.ReplaceNode(outermost, declared)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>Map*</c> call the endpoint lambda around <paramref name="node"/> is handed to.</summary>
    private static InvocationExpressionSyntax? MapCallOf(SyntaxNode node)
    {
        foreach (var lambda in node.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && InvokedName(invocation)?.StartsWith("Map", StringComparison.Ordinal) == true)
            {
                return invocation;
            }
        }

        return null;
    }

    /// <summary>The last call chained on the <c>Map*</c> call (<c>.WithName(...)</c> in <c>app.MapGet(...).WithName(...)</c>), or the call itself.</summary>
    private static InvocationExpressionSyntax OutermostChained(InvocationExpressionSyntax map)
    {
        var current = map;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax chained } access && access.Expression == current)
        {
            current = chained;
        }

        return current;
    }

    private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool DeclaresInAttributes(MethodDeclarationSyntax action, int status, SemanticModel semanticModel, CancellationToken cancellationToken)
        => action.AttributeLists.SelectMany(l => l.Attributes).Any(a =>
            NameOf(a.Name) is "ProducesResponseType" or "ProducesResponseTypeAttribute"
            && a.ArgumentList?.Arguments.Any(argument => HasStatus(argument.Expression, status, semanticModel, cancellationToken)) == true);

    private static bool DeclaresInChain(InvocationExpressionSyntax map, InvocationExpressionSyntax outermost, int status, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        for (SyntaxNode? current = outermost; current is InvocationExpressionSyntax invocation && current != map; current = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression)
        {
            var name = InvokedName(invocation);
            if (name is "Produces" or "ProducesProblem" or "ProducesValidationProblem"
                && (invocation.ArgumentList.Arguments.Any(argument => HasStatus(argument.Expression, status, semanticModel, cancellationToken))
                    || (name == "ProducesValidationProblem" && status == 400 && invocation.ArgumentList.Arguments.Count == 0)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasStatus(ExpressionSyntax expression, int status, SemanticModel semanticModel, CancellationToken cancellationToken)
        => semanticModel.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: int value } && value == status;

    private static string? NameOf(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => NameOf(qualified.Right),
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool StartsLine(SyntaxToken token)
        => token.GetPreviousToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia) || token.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia);

    /// <summary>The whitespace after the last line break of some leading trivia: the indentation of the line it starts.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var last = leading.LastOrDefault();
        return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : SyntaxFactory.ElasticCarriageReturnLineFeed;
}
