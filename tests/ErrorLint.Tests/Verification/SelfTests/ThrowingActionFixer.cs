using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A broken test-only fixer: offers an action that throws when the IDE applies it.</summary>
    public sealed class ThrowingActionFixer : CodeFixProvider
    {
        public const string Message = "code action failure on purpose";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use NoContent()", _ => Task.FromException<Document>(new InvalidOperationException(Message)), "TST0001.Throws"),
                context.Diagnostics);
            return Task.CompletedTask;
        }
    }
}
