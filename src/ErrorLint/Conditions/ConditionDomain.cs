using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Conditions;

/// <summary>
/// What the parts of a condition mean to one concern: which boolean expressions, comparisons and patterns are facts about
/// the signed-in user, validation or the environment. <see cref="ConditionReader{TFact}"/> takes the rest of the condition
/// apart (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, comparisons with <c>true</c>/<c>false</c>, <c>is true</c>, locals) the
/// same way for every concern.
/// </summary>
internal abstract class ConditionDomain<TFact>
    where TFact : class
{
    /// <summary>
    /// The fact a boolean expression states when it is true: <c>User.IsInRole("Admin")</c>, <c>ModelState.IsValid</c>,
    /// <c>env.IsDevelopment()</c>; null when it states nothing this domain knows.
    /// </summary>
    public abstract TFact? Atom(Microsoft.CodeAnalysis.IOperation condition);

    /// <summary>
    /// The fact a comparison states when it is true, for one that is not against <c>true</c> or <c>false</c>:
    /// <c>item.OwnerId == userId</c>, <c>user == null</c>, <c>ModelState.ErrorCount &gt; 0</c>. The operands come without
    /// implicit conversions, and for <c>==</c> and <c>!=</c> with a constant on the right.
    /// </summary>
    public virtual TFact? Comparison(IBinaryOperation comparison, Microsoft.CodeAnalysis.IOperation left, Microsoft.CodeAnalysis.IOperation right) => null;

    /// <summary>
    /// What a pattern test states when it matches (or, with <paramref name="matches"/> false, when it does not), for one that
    /// is not against <c>true</c> or <c>false</c>: <c>user is null</c>, <c>User.Identity is { IsAuthenticated: true }</c>.
    /// </summary>
    public virtual Alternatives<TFact> Pattern(Microsoft.CodeAnalysis.IOperation subject, IPatternOperation pattern, bool matches) => Alternatives<TFact>.Unknown;

    /// <summary>The fact that holds when <paramref name="fact"/> does not.</summary>
    public abstract TFact Negate(TFact fact);
}
