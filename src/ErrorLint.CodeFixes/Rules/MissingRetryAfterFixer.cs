using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Operations;
using ErrorLint.Responses;
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
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not (var root, var semanticModel, var model)
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

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || semanticModel.GetOperation(node, context.CancellationToken) is not { } operation
                || model.Describe(operation, context.CancellationToken) is not { } response
                || StatementInserter.TryPlan(semanticModel, node) is not { } inserter)
            {
                continue;
            }

            var target = FindResponse(semanticModel, node, response, model.Types, inserter, context.CancellationToken);
            if (target is null)
            {
                continue;
            }

            var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
            var value = ValueInScope(semanticModel, node, context.CancellationToken)
                ?? SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression,
                    SyntaxFactory.Literal(options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                Member(Member(target.Response, "Headers"), "RetryAfter"),
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

    /// <summary>Where the response is reached from: the assignment's own receiver, <c>Response</c> in a controller, a context parameter, or a new <c>HttpContext</c> parameter.</summary>
    private static Target? FindResponse(
        SemanticModel semanticModel, ExpressionSyntax node, HttpResponseInfo response, WellKnownTypes types, StatementInserter inserter, CancellationToken cancellationToken)
    {
        if (response.Kind == ResponseKind.StatusAssignment)
        {
            return response.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance.Syntax: ExpressionSyntax receiver } }
                ? new Target(receiver.WithoutTrivia(), null)
                : null;
        }

        // Parameters of the enclosing lambdas and local functions, innermost first, then of the member.
        foreach (var function in node.Ancestors())
        {
            ImmutableArray<IParameterSymbol> parameters;
            switch (function)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    parameters = (semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol)?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                    break;
                case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax:
                    parameters = (semanticModel.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol)?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                    break;
                default:
                    continue;
            }

            foreach (var parameter in parameters)
            {
                if (ResponseThrough(parameter, types) is { } reached)
                {
                    return new Target(reached, null);
                }
            }
        }

        var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        var member = containing;
        while (member is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction } nested)
        {
            member = nested.ContainingSymbol;
        }

        if (member is { IsStatic: false }
            && (member.ContainingType.InheritsFrom(types.ControllerBase) || member.ContainingType.InheritsFrom(types.PageModel))
            && !IsInStaticFunction(node))
        {
            return new Target(SyntaxFactory.IdentifierName("Response"), null);
        }

        // A minimal-API lambda gets an HttpContext parameter, in its own parameter style: only when it types its parameters.
        if (inserter.Function is ParenthesizedLambdaExpressionSyntax endpoint
            && IsEndpointHandler(semanticModel, endpoint, cancellationToken)
            && endpoint.ParameterList.Parameters.All(p => p.Type is not null)
            && semanticModel.LookupSymbols(endpoint.SpanStart, name: HttpContextParameterName).IsEmpty)
        {
            return new Target(Member(SyntaxFactory.IdentifierName(HttpContextParameterName), "Response"), endpoint);
        }

        return null;
    }

    private static ExpressionSyntax? ResponseThrough(IParameterSymbol parameter, WellKnownTypes types)
    {
        if (parameter.Name == "_")
        {
            return null;
        }

        var name = SyntaxFactory.IdentifierName(parameter.Name);
        var type = parameter.Type;
        if (type.InheritsFrom(types.HttpContext))
        {
            return Member(name, "Response");
        }

        if (type.InheritsFrom(types.HttpResponse))
        {
            return name;
        }

        if (type.InheritsFrom(types.HttpRequest))
        {
            return Member(Member(name, "HttpContext"), "Response");
        }

        // Filter contexts and the like: anything with an HttpContext property.
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("HttpContext").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.Type.InheritsFrom(types.HttpContext)))
            {
                return Member(Member(name, "HttpContext"), "Response");
            }
        }

        return null;
    }

    /// <summary>A lambda handed to one of the framework's <c>Map*</c> methods.</summary>
    private static bool IsEndpointHandler(SemanticModel semanticModel, LambdaExpressionSyntax lambda, CancellationToken cancellationToken)
        => semanticModel.GetOperation(lambda, cancellationToken) is IAnonymousFunctionOperation handler
            && PipelineCalls.MapCallOf(handler) is { TargetMethod.ContainingNamespace: { } space }
            && space.ToDisplayString() == "Microsoft.AspNetCore.Builder";

    private static bool IsInStaticFunction(SyntaxNode node)
        => node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
            || a is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword));

    /// <summary>A local, parameter or property whose name says retry, delay or reset, formatted as seconds.</summary>
    private static ExpressionSyntax? ValueInScope(SemanticModel semanticModel, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        var position = node.SpanStart;
        ISymbol? best = null;
        foreach (var symbol in semanticModel.LookupSymbols(position))
        {
            if (!IsRetryName(symbol.Name) || SecondsOf(symbol, SyntaxFactory.IdentifierName(symbol.Name)) is null)
            {
                continue;
            }

            var isLocal = symbol is ILocalSymbol or IParameterSymbol;
            if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.End > position)
            {
                continue;
            }

            if (symbol is IPropertySymbol or IFieldSymbol && !symbol.IsStatic && IsInStaticFunction(node))
            {
                continue;
            }

            if (best is null || isLocal && best is not (ILocalSymbol or IParameterSymbol))
            {
                best = symbol;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return best is null ? null : SecondsOf(best, SyntaxFactory.IdentifierName(best.Name));
    }

    private static bool IsRetryName(string name)
        => name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("delay", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("reset", StringComparison.OrdinalIgnoreCase) >= 0;

    private static ExpressionSyntax? SecondsOf(ISymbol symbol, ExpressionSyntax reference)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        switch (type?.SpecialType)
        {
            case SpecialType.System_String:
                return reference;
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16:
                return InvariantToString(reference);
            case SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal:
                return InvariantToString(Parenthesize(SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), reference)));
            default:
                if (type is { Name: "TimeSpan", ContainingNamespace.Name: "System" })
                {
                    return InvariantToString(Parenthesize(SyntaxFactory.CastExpression(
                        SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), Member(reference, "TotalSeconds"))));
                }

                return null;
        }
    }

    private static ExpressionSyntax InvariantToString(ExpressionSyntax value)
        => SyntaxFactory.InvocationExpression(
            Member(value, "ToString"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    StatusCodeSyntax.TypeSyntaxFor("System.Globalization.CultureInfo"),
                    SyntaxFactory.IdentifierName("InvariantCulture"))))));

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) => SyntaxFactory.ParenthesizedExpression(expression);

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax receiver, string name)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

    private static bool HasRetryAfterProperty(WellKnownTypes types)
        => types.HeaderDictionary?.GetMembers("RetryAfter").OfType<IPropertySymbol>().Any() == true;

    private sealed class Target
    {
        public Target(ExpressionSyntax response, ParenthesizedLambdaExpressionSyntax? addParameterTo)
        {
            Response = response;
            AddParameterTo = addParameterTo;
        }

        /// <summary>The expression for the <c>HttpResponse</c>.</summary>
        public ExpressionSyntax Response { get; }

        /// <summary>The minimal-API lambda that needs an <c>HttpContext</c> parameter first.</summary>
        public ParenthesizedLambdaExpressionSyntax? AddParameterTo { get; }
    }
}
