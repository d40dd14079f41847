using System.Collections.Concurrent;
using System.Threading;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// The exception parameters of a type's private helpers that are handed a caught exception
/// (<c>catch (Exception ex) { await HandleExceptionAsync(context, ex); }</c>, then
/// <c>HandleExceptionAsync(HttpContext context, Exception exception)</c> writes the response): inside the helper, the
/// parameter is the handled exception. Only private methods are read, so every call is in the type's own declarations;
/// a helper handed the parameter of another such helper counts too, two calls deep.
/// </summary>
internal sealed class CaughtExceptionParameters
{
    private const int MaxCallDepth = 2;

    private readonly ResponseModel model;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> known = new(SymbolEqualityComparer.Default);

    public CaughtExceptionParameters(ResponseModel model) => this.model = model;

    /// <summary>Whether a call in the parameter's type passes it a caught exception (or a parameter that is one).</summary>
    public bool ReceivesCaughtException(IParameterSymbol parameter) => Receives(parameter, 0);

    private bool Receives(IParameterSymbol parameter, int depth)
    {
        if (depth >= MaxCallDepth
            || parameter.ContainingSymbol is not IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } method
            || method.ContainingType is not { } type)
        {
            return false;
        }

        return known.TryGetValue(parameter, out var receives) ? receives : known.GetOrAdd(parameter, FindCaller(parameter, method, type, depth));
    }

    private bool FindCaller(IParameterSymbol parameter, IMethodSymbol method, INamedTypeSymbol type, int depth)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax call || !NamesMethod(call.Expression, method.Name))
                {
                    continue;
                }

                if (SourceBodies.OfSyntax(call, model.Types.Compilation, CancellationToken.None) is not IInvocationOperation invocation
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter) && IsCaught(argument.Value, depth))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A catch variable, or a parameter of another private helper that is handed one.</summary>
    private bool IsCaught(IOperation value, int depth)
    {
        switch (value.WithoutConversions())
        {
            case ILocalReferenceOperation { Local: var local }:
                foreach (var declaration in local.DeclaringSyntaxReferences)
                {
                    if (declaration.GetSyntax() is CatchDeclarationSyntax)
                    {
                        return true;
                    }
                }

                return false;
            case IParameterReferenceOperation { Parameter: var outer }:
                return Receives(outer, depth + 1);
            default:
                return false;
        }
    }

    private static bool NamesMethod(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Name: var member } => member.Identifier.ValueText == name,
        GenericNameSyntax generic => generic.Identifier.ValueText == name,
        _ => false,
    };
}
