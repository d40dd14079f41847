using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0010: sends a neutral message instead of the exception message, logging the exception where a logger is in scope.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionMessageInResponseFixer))]
public sealed class ExceptionMessageInResponseFixer : CodeFixProvider
{
    public const string GenericMessageKey = RuleIdentifiers.ExceptionMessageInResponse + ".GenericMessage";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ExceptionMessageInResponse);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => ExceptionLeakRewriter.RegisterFixesAsync(context, GenericMessageKey);
}
