using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Headers;

/// <summary>
/// Whether a 503 answers a request that arrived while the host is stopping: it sits in the true branch of a test of
/// <c>IHostApplicationLifetime.ApplicationStopping</c> (or a token kept from it, named for stopping or shutting down).
/// This instance is not coming back, so it has no time to tell; the caller's retry goes to another instance or waits for
/// a new one (EL0007).
/// </summary>
internal static class ShutdownResponses
{
    public static bool AnswersShutdown(IOperation response)
    {
        var child = response;
        for (var parent = response.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && ReferenceEquals(conditional.WhenTrue, child) && TestsStopping(conditional.Condition))
            {
                return true;
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary><c>lifetime.ApplicationStopping.IsCancellationRequested</c>, <c>_stopping.IsCancellationRequested</c>, also within <c>||</c>.</summary>
    private static bool TestsStopping(IOperation condition)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } either:
                return TestsStopping(either.LeftOperand) || TestsStopping(either.RightOperand);
            case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested", Instance: { } token }:
                return IsStoppingToken(token);
            default:
                return false;
        }
    }

    private static bool IsStoppingToken(IOperation token)
    {
        var name = token switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };

        return name is not null
            && (name.IndexOf("stopping", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("shutdown", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("shuttingdown", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
