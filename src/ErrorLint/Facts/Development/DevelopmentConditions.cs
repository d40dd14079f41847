using System;
using ErrorLint.Conditions;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Development;

/// <summary>A test of the hosting environment on a code path: that it is (or is not) the one named.</summary>
internal sealed class EnvironmentFact
{
    public EnvironmentFact(string name, bool matches)
    {
        Name = name;
        Matches = matches;
    }

    /// <summary>The environment's name as the code writes it: <c>Development</c>, <c>Staging</c>.</summary>
    public string Name { get; }

    /// <summary>True where the environment is <see cref="Name"/>, false where it is not.</summary>
    public bool Matches { get; }

    /// <summary>True for Development and the names teams give a developer's machine or container: Local, Dev, Docker.</summary>
    public bool IsDevelopment => DevelopmentConditions.IsDevelopmentName(Name);

    public EnvironmentFact Negate() => new(Name, !Matches);
}

/// <summary>
/// What conditions say about the hosting environment: <c>env.IsDevelopment()</c>, <c>IsEnvironment("Development")</c>,
/// <c>EnvironmentName == "Development"</c>, <c>string.Equals(env.EnvironmentName, Environments.Development)</c>.
/// </summary>
internal sealed class DevelopmentConditions : ConditionDomain<EnvironmentFact>
{
    public const string Development = "Development";

    /// <summary>
    /// Environment names that are a developer's own: <c>IsEnvironment("Local")</c> or <c>EnvironmentName == "Docker"</c>
    /// guards development-only code as <c>IsDevelopment()</c> does. Staging and test environments are not among them.
    /// </summary>
    public static bool IsDevelopmentName(string name)
        => name.Equals(Development, StringComparison.OrdinalIgnoreCase)
            || name.Equals("Local", StringComparison.OrdinalIgnoreCase)
            || name.Equals("LocalDevelopment", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Dev", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Docker", StringComparison.OrdinalIgnoreCase);

    private readonly WellKnownTypes types;

    public DevelopmentConditions(WellKnownTypes types) => this.types = types;

    public override EnvironmentFact Negate(EnvironmentFact fact) => fact.Negate();

    public override EnvironmentFact? Atom(IOperation condition)
    {
        if (condition is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "IsDevelopment" when IsEnvironmentMethod(invocation):
                return new EnvironmentFact(Development, true);
            case "IsEnvironment" when IsEnvironmentMethod(invocation):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "environmentName" && EnvironmentNameOf(argument.Value) is { } name)
                    {
                        return new EnvironmentFact(name, true);
                    }
                }

                return null;
            case "Equals" when invocation.Arguments.Length >= 2 || invocation.Instance is not null && invocation.Arguments.Length >= 1:
                // string.Equals(env.EnvironmentName, "Development", ...)
                var first = invocation.Instance ?? invocation.Arguments[0].Value;
                var second = invocation.Instance is null ? invocation.Arguments[1].Value : invocation.Arguments[0].Value;
                return Comparison(first, second, equals: true);
            default:
                return null;
        }
    }

    public override EnvironmentFact? Comparison(IBinaryOperation comparison, IOperation left, IOperation right)
        => comparison.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            ? Comparison(left, right, comparison.OperatorKind == BinaryOperatorKind.Equals)
            : null;

    /// <summary><c>env.EnvironmentName == "Development"</c>, either way round.</summary>
    private static EnvironmentFact? Comparison(IOperation first, IOperation second, bool equals)
    {
        var name = IsEnvironmentName(first) ? EnvironmentNameOf(second) : IsEnvironmentName(second) ? EnvironmentNameOf(first) : null;
        return name is null ? null : new EnvironmentFact(name, equals);
    }

    /// <summary>
    /// <c>IsDevelopment()</c>/<c>IsEnvironment()</c> asked of a host environment (the obsolete <c>IHostingEnvironment</c>s too),
    /// or the application's own method of that name.
    /// </summary>
    private bool IsEnvironmentMethod(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsDeclaredIn(types.Compilation))
        {
            return true;
        }

        var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
        return receiver.Implements(types.HostEnvironment) || receiver.Implements(types.LegacyHostingEnvironment) || receiver.Implements(types.LegacyWebHostingEnvironment);
    }

    private static bool IsEnvironmentName(IOperation operation)
        => operation.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "EnvironmentName" };

    /// <summary><c>"Development"</c>, or <c>Environments.Development</c> (a static readonly field, not a constant).</summary>
    private static string? EnvironmentNameOf(IOperation operation) => operation.WithoutImplicitConversions() switch
    {
        { ConstantValue: { HasValue: true, Value: string name } } => name,
        IFieldReferenceOperation { Field: { Name: var field, ContainingType.Name: "Environments" or "EnvironmentName" } } => field,
        _ => null,
    };
}
