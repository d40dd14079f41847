using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Applies every rule's fix to a project the way <c>dotnet format analyzers</c> does: rule by rule, Fix All in the
/// document with the fixer's own Fix All provider, on diagnostics read afresh before each rule, in passes until
/// nothing fixable is left. Fixes of different rules on one response must compose in either order of the rules
/// (<c>dotnet format</c> does not promise one).
/// </summary>
internal static class EveryFix
{
    private const int MaxPasses = 4;

    /// <summary>The source after every fix, and the compiler's warnings and errors on it.</summary>
    public static async Task<(string Text, ImmutableArray<Diagnostic> CompilerDiagnostics, ImmutableArray<Diagnostic> Left)> ApplyAsync(string source, TargetFrameworks framework, bool rulesInReverse)
    {
        var test = new RuleSetTest(RuleCatalog.Analyzers, RuleCatalog.Fixers) { Framework = framework }.WithSources(new[] { source });
        var project = (await test.AnalyzeAsync("the source before any fix")).Project;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            var ids = RuleCatalog.Descriptors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (rulesInReverse)
            {
                ids.Reverse();
            }

            foreach (var id in ids)
            {
                var result = await test.AnalyzeAsync(project, $"the source before the {id} fixes of pass {pass + 1}");
                var diagnostics = result.AnalyzerDiagnostics.Where(d => d.Id == id && d.Location.IsInSource).ToImmutableArray();
                var fixer = RuleCatalog.Fixers.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(id));
                if (diagnostics.IsEmpty || fixer?.GetFixAllProvider() is not { } fixAll)
                {
                    continue;
                }

                var document = project.GetDocument(diagnostics[0].Location.SourceTree)!;
                var first = (await OfferedActions.ForAsync(test, fixer, project, diagnostics[0])).FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                var context = new FixAllContext(document, fixer, FixAllScope.Document, first.EquivalenceKey, new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
                if (await fixAll.GetFixAsync(context) is not { } action)
                {
                    continue;
                }

                project = (await OfferedActions.ApplyAsync(action, project.Solution)).GetProject(project.Id)!;
                changed = true;
            }

            if (!changed)
            {
                break;
            }
        }

        var compilation = (await project.GetCompilationAsync())!;
        var left = await test.AnalyzeAsync(project, "the source after every fix");
        var text = (await project.Documents.Single().GetTextAsync()).ToString();
        return (text, compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(), left.AnalyzerDiagnostics);
    }

    /// <summary>The diagnostics read before the fixes of one rule, as <c>dotnet format</c> hands them to Fix All.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
