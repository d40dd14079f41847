using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// The EL0009/EL0010 fix: replaces the exception data sent to the client (widened to the whole string it is
/// built into) with a neutral message, keeping the response, its status and its style; and, when an
/// <c>ILogger</c> is in scope and the exception is not logged yet in that block, logs it first.
/// </summary>
internal sealed class ExceptionLeakRewriter
{
    public const string GenericMessage = "An unexpected error occurred.";
    private const string LogMessage = "The request failed.";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    private readonly IReadOnlyList<ExpressionSyntax> targets;
    private readonly ExpressionSyntax? problem;
    private readonly StatementSyntax? logBefore;
    private readonly string? logStatement;
    private readonly IReadOnlyList<string> usings;
    private readonly (ParenthesizedLambdaExpressionSyntax Handler, string Parameter)? loggerParameter;

    private ExceptionLeakRewriter(
        IReadOnlyList<ExpressionSyntax> targets,
        ExpressionSyntax? problem,
        StatementSyntax? logBefore,
        string? logStatement,
        IReadOnlyList<string> usings,
        (ParenthesizedLambdaExpressionSyntax Handler, string Parameter)? loggerParameter)
    {
        this.targets = targets;
        this.problem = problem;
        this.logBefore = logBefore;
        this.logStatement = logStatement;
        this.usings = usings;
        this.loggerParameter = loggerParameter;
    }

    private bool Logs => logStatement is not null;

    private string Title => (problem is null ? "Send a generic message" : "Send problem details with a generic message")
        + (Logs ? " and log the exception" : " (nothing logs the exception)");

    /// <summary>Offers the fix for each of the context's diagnostics where it can be planned, under one equivalence key per rule.</summary>
    public static async Task RegisterFixesAsync(CodeFixContext context, string equivalenceKey)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not (var root, var model, var responses))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (TryPlan(model, root, responses, diagnostic, context.CancellationToken) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => plan.ApplyAsync(context.Document, root, ct), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Plans the replacement of every leaked expression of the diagnostic: the rule reports once per response, with the
    /// leaked expressions as additional locations (or at the one leaked expression itself).
    /// </summary>
    private static ExceptionLeakRewriter? TryPlan(SemanticModel model, SyntaxNode root, ResponseModel responses, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var leakLocations = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations : (IReadOnlyList<Location>)new[] { diagnostic.Location };
        var targets = new List<ExpressionSyntax>();
        (StatementSyntax? Statement, string? Log, IReadOnlyList<string> Usings, (ParenthesizedLambdaExpressionSyntax, string)? Parameter) logging = (null, null, Array.Empty<string>(), null);
        foreach (var location in leakLocations)
        {
            if (PlanTarget(model, root, responses, location, cancellationToken) is not (var target, var leak))
            {
                return null;
            }

            // $"{ex.Message} - {ex.InnerException?.Message}" widens to one string for both leaks.
            if (targets.Any(t => t.Span.Contains(target.Span)))
            {
                continue;
            }

            targets.RemoveAll(t => target.Span.Contains(t.Span));
            targets.Add(target);
            if (logging.Log is null)
            {
                logging = PlanLogging(model, target, leak, cancellationToken);
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        // StatusCode(500, new { message = ex.Message, stackTrace = ex.StackTrace }): the same generic text in every member
        // is still not an error format; the response becomes problem details with one generic detail.
        if (WholeResponseAsProblem(model, responses, targets, cancellationToken) is ({ } response, { } problem))
        {
            return new ExceptionLeakRewriter(new[] { response }, problem, logging.Statement, logging.Log, logging.Usings, logging.Parameter);
        }

        return new ExceptionLeakRewriter(targets, problem: null, logging.Statement, logging.Log, logging.Usings, logging.Parameter);
    }

    /// <summary>
    /// The response and its problem-details replacement, when a leak is a member of the anonymous object the response
    /// sends and two or more of its members hold exception data (the message counts: EL0010 leaves such a response to
    /// EL0009), in a style with a <c>Problem</c> helper whose result the code can hold as it is.
    /// </summary>
    private static (ExpressionSyntax? Response, ExpressionSyntax? Problem) WholeResponseAsProblem(
        SemanticModel model, ResponseModel responses, List<ExpressionSyntax> targets, CancellationToken cancellationToken)
    {
        if (targets[0].Parent is not AnonymousObjectMemberDeclaratorSyntax { Parent: AnonymousObjectCreationExpressionSyntax body }
            || !targets.All(t => t.Parent is AnonymousObjectMemberDeclaratorSyntax member && member.Parent == body)
            || body.Initializers.Count(member => HoldsExceptionData(model, responses, member.Expression, cancellationToken)) < 2)
        {
            return default;
        }

        foreach (var node in body.Ancestors().OfType<ExpressionSyntax>().Take(3))
        {
            if (model.GetOperation(node, cancellationToken) is not { } operation
                || responses.Describe(operation, cancellationToken) is not { StatusCode: { } status, Body.Syntax: var sent } response
                || sent != body)
            {
                continue;
            }

            var containing = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            var style = FixStyles.For(response, containing, responses.Types);
            if (style is not (FixStyle.Controller or FixStyle.Results or FixStyle.TypedResults)
                || ResponseReplacer.TryPlan(model, node, ProblemReplacement.ProblemTypeName(style), cancellationToken) is not { WidensUnion: false })
            {
                return default;
            }

            var detail = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(GenericMessage));
            return (node, ProblemResponseSyntax.Problem(style, detail, status));
        }

        return default;
    }

    private static bool HoldsExceptionData(SemanticModel model, ResponseModel responses, ExpressionSyntax value, CancellationToken cancellationToken)
        => model.GetOperation(value, cancellationToken) is { } operation && ExceptionFlow.FindLeaks(new[] { operation }, responses).Count > 0;

    private static (ExpressionSyntax Target, ExceptionLeak Leak)? PlanTarget(
        SemanticModel model, SyntaxNode root, ResponseModel responses, Location location, CancellationToken cancellationToken)
    {
        if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || model.GetOperation(node, cancellationToken) is not { } operation)
        {
            return null;
        }

        var leak = ExceptionFlow.FindLeaks(new[] { operation }, responses).FirstOrDefault(l => l.Syntax == node);
        if (leak is null)
        {
            return null;
        }

        var target = Widen(model, node, cancellationToken);
        var convertedType = model.GetTypeInfo(target, cancellationToken).ConvertedType;
        if (convertedType is null
            || convertedType.SpecialType is not (SpecialType.System_String or SpecialType.System_Object) && convertedType.TypeKind != TypeKind.Dynamic)
        {
            return null;
        }

        return (target, leak);
    }

    private async Task<Document> ApplyAsync(Document document, SyntaxNode root, CancellationToken cancellationToken)
    {
        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var replacement = problem?.WithAdditionalAnnotations(Formatter.Annotation)
            ?? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(GenericMessage));
        foreach (var target in targets)
        {
            editor.ReplaceNode(target, replacement.WithTriviaFrom(target));
        }

        if (logBefore is not null && logStatement is not null)
        {
            var indentation = logBefore.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var endOfLine = logBefore.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var log = SyntaxFactory.ParseStatement(logStatement)
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
            editor.InsertBefore(logBefore, log);
            if (root is CompilationUnitSyntax compilationUnit)
            {
                foreach (var namespaceName in usings)
                {
                    UsingDirectives.Add(editor, compilationUnit, namespaceName);
                }
            }
        }

        if (loggerParameter is var (handler, declaration))
        {
            var parameter = SyntaxFactory.ParseParameterList("(" + declaration + ")").Parameters[0];
            editor.ReplaceNode(handler, (node, _) => ((ParenthesizedLambdaExpressionSyntax)node).AddParameterListParameters(parameter));
        }

        DropCatchVariableLeftUnused(editor);
        var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
        return problem is null ? changed : await Imports.AddAsync(changed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>catch (Exception e) { return Problem(e.Message); }</c> would leave <c>e</c> unused (CS0168) once the message goes.</summary>
    private void DropCatchVariableLeftUnused(SyntaxEditor editor)
    {
        if (logStatement is not null
            || targets[0].FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: { Identifier.ValueText.Length: > 0 } declaration } catchClause)
        {
            return;
        }

        var name = declaration.Identifier.ValueText;
        var stillUsed = catchClause.Block.DescendantNodes()
            .Concat(catchClause.Filter?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
            .OfType<IdentifierNameSyntax>()
            .Any(identifier => identifier.Identifier.ValueText == name && !targets.Any(target => target.Span.Contains(identifier.Span)));
        if (!stillUsed)
        {
            editor.ReplaceNode(
                declaration,
                declaration.WithIdentifier(SyntaxFactory.Token(SyntaxKind.None)).WithType(declaration.Type.WithoutTrailingTrivia()).WithCloseParenToken(declaration.CloseParenToken));
        }
    }

    /// <summary><c>$"Failed: {ex.Message}"</c>, <c>"Failed: " + ex</c>, <c>string.Format(..., ex)</c>, <c>ex.Message.Trim()</c>: the whole string goes.</summary>
    private static ExpressionSyntax Widen(SemanticModel model, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        var current = node;
        while (true)
        {
            ExpressionSyntax? next = current.Parent switch
            {
                InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } => interpolated,
                ParenthesizedExpressionSyntax parenthesized => parenthesized,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation
                    when model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String => concatenation,
                MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                    when access.Expression == current && model.GetTypeInfo(call, cancellationToken).Type?.SpecialType == SpecialType.System_String => call,
                ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                    when model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String } => call,
                _ => null,
            };
            if (next is null)
            {
                return current;
            }

            current = next;
        }
    }

    private static (StatementSyntax? Statement, string? Log, IReadOnlyList<string> Usings, (ParenthesizedLambdaExpressionSyntax, string)? Parameter) PlanLogging(
        SemanticModel model, ExpressionSyntax target, ExceptionLeak leak, CancellationToken cancellationToken)
    {
        var none = ((StatementSyntax?)null, (string?)null, (IReadOnlyList<string>)Array.Empty<string>(), ((ParenthesizedLambdaExpressionSyntax, string)?)null);
        var statement = target.FirstAncestorOrSelf<StatementSyntax>();
        if (statement?.Parent is not BlockSyntax block
            || target.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax)
            || ExceptionExpression(leak.Exception) is not { } exception)
        {
            return none;
        }

        // The exception must mean the same thing where the log goes.
        var position = statement.SpanStart;
        var original = model.GetSymbolInfo(leak.Exception.Syntax, cancellationToken).Symbol;
        var speculative = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(exception), SpeculativeBindingOption.BindAsExpression).Symbol;
        if (original is null || !SymbolEqualityComparer.Default.Equals(original, speculative) || IsAlreadyLogged(block, exception))
        {
            return none;
        }

        var parameter = default((ParenthesizedLambdaExpressionSyntax, string)?);
        var logger = FindLogger(model, statement, cancellationToken);
        if (logger is null && LoggerParameterFor(model, statement, cancellationToken) is var (handler, declaration, use))
        {
            // A minimal-API handler asks for the logger: the framework binds ILogger<T> parameters from the services.
            logger = use;
            parameter = (handler, declaration);
        }

        logger ??= LoggerFromRequestServices(model, statement, cancellationToken);

        if (logger is null)
        {
            return none;
        }

        var log = $"{logger}.LogError({exception}, \"{LogMessage}\");";
        var usings = new List<string>();
        foreach (var (namespaceName, probe) in new[] { (LoggingNamespace, log.TrimEnd(';')), (DependencyInjectionNamespace, logger) })
        {
            // A logger the fix adds as a parameter is not in scope yet; its type decides the using below.
            if (parameter is not null)
            {
                break;
            }

            // The probe binds only when the namespace's extension methods are already in scope.
            var bound = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(probe), SpeculativeBindingOption.BindAsExpression);
            if (bound.Symbol is null && bound.CandidateSymbols.IsEmpty && (namespaceName == LoggingNamespace || logger.Contains("GetRequiredService")))
            {
                usings.Add(namespaceName);
            }
        }

        if (parameter is not null)
        {
            var bound = model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName("ILoggerFactory"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            if (bound is null or { TypeKind: TypeKind.Error })
            {
                usings.Add(LoggingNamespace);
            }
        }

        return (statement, log, usings, parameter);
    }

    /// <summary>
    /// The minimal-API handler (a lambda handed to <c>Map*</c> that types its parameters) the statement is in, the
    /// parameter to give it and how the log call names the logger: <c>ILogger&lt;T&gt; logger</c>, <c>T</c> being the
    /// type the code is in, or <c>ILoggerFactory loggerFactory</c> when that type is static and cannot be a type argument.
    /// </summary>
    private static (ParenthesizedLambdaExpressionSyntax Handler, string Parameter, string Logger)? LoggerParameterFor(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
    {
        if (statement.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault() is not ParenthesizedLambdaExpressionSyntax handler
            || !handler.ParameterList.Parameters.All(p => p.Type is not null)
            || !ResponseAccess.IsEndpointHandler(model, handler, cancellationToken)
            || model.GetEnclosingSymbol(handler.SpanStart, cancellationToken)?.ContainingType is not { IsGenericType: false } type)
        {
            return null;
        }

        var name = type.IsStatic ? "loggerFactory" : "logger";
        if (!model.LookupSymbols(handler.SpanStart, name: name).IsEmpty)
        {
            return null;
        }

        return type.IsStatic
            ? (handler, "ILoggerFactory loggerFactory", $"loggerFactory.CreateLogger({SymbolDisplay.FormatLiteral(type.ToDisplayString(), quote: true)})")
            : (handler, $"ILogger<{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}> logger", "logger");
    }

    /// <summary>
    /// With no logger in scope but the request's <c>HttpContext</c> (middleware, an exception handler lambda, a handler
    /// given the context), a logger from its services, named for the type the code is in.
    /// </summary>
    private static string? LoggerFromRequestServices(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
    {
        // A controller or page takes its logger from its constructor; only code handed the context reaches for its services.
        var types = ResponseModel.For(model.Compilation)?.Types;
        if (types is null
            || types.Find("Microsoft.Extensions.Logging.ILoggerFactory") is null
            || model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType is not { } type
            || type.InheritsFrom(types.ControllerBase) || type.InheritsFrom(types.PageModel)
            || ValuesInScope.NearestOfType(model, statement.SpanStart, "Microsoft.AspNetCore.Http.HttpContext", cancellationToken, localsAndParametersOnly: true) is not { } context)
        {
            return null;
        }

        var category = SymbolDisplay.FormatLiteral(type.ToDisplayString(), quote: true);
        return $"{context}.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger({category})";
    }

    private static string? ExceptionExpression(IOperation exception) => exception switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation => exception.Syntax.ToString(),
        IPropertyReferenceOperation { Syntax: MemberAccessExpressionSyntax access } when !access.DescendantNodes().OfType<InvocationExpressionSyntax>().Any() => access.ToString(),
        _ => null,
    };

    /// <summary>Any <c>Log*</c> call in the catch block (or the body) that is handed the exception.</summary>
    private static bool IsAlreadyLogged(BlockSyntax block, string exception)
    {
        var scope = block.Ancestors().OfType<CatchClauseSyntax>().FirstOrDefault()?.Block ?? (SyntaxNode)block;
        return scope.DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .Any(call => LogName(call.Expression) is { } name && name.StartsWith("Log", System.StringComparison.Ordinal)
                && call.ArgumentList.Arguments.Any(a => a.Expression.ToString() == exception));
    }

    private static string? LogName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>An <c>ILogger</c> in scope: a parameter or local first, then a field, property or primary-constructor parameter.</summary>
    private static string? FindLogger(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
        => ValuesInScope.NearestOfType(model, statement.SpanStart, "Microsoft.Extensions.Logging.ILogger", cancellationToken);
}
