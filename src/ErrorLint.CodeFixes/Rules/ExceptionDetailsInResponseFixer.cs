using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0009: sends a neutral message instead of the exception details, logging the exception where a logger is in scope.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionDetailsInResponseFixer))]
public sealed class ExceptionDetailsInResponseFixer : CodeFixProvider
{
    public const string GenericMessageKey = RuleIdentifiers.ExceptionDetailsInResponse + ".GenericMessage";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ExceptionDetailsInResponse);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => ExceptionLeakRewriter.RegisterFixesAsync(context, GenericMessageKey);
}
