using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A broken test-only fixer: RegisterCodeFixesAsync throws.</summary>
    public sealed class ThrowingFixer : CodeFixProvider
    {
        public const string Message = "fixer failure on purpose";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException(Message);
    }
}
