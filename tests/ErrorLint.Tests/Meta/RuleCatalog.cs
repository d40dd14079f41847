using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Meta;

/// <summary>One implemented rule, as the analyzer and fixer assemblies describe it.</summary>
internal sealed record RuleInfo(DiagnosticDescriptor Descriptor, string AnalyzerName, bool HasCodeFix)
{
    public string Id => Descriptor.Id;

    public DiagnosticSeverity DefaultSeverity => Descriptor.DefaultSeverity;
}

/// <summary>
/// The rules that exist, found by reflection over the shipped assemblies: every <see cref="DiagnosticAnalyzer"/>
/// in the analyzer assembly and every <see cref="CodeFixProvider"/> in the fixer assembly. Generated docs and
/// presets are built from this, so a new rule shows up without anyone editing a list.
/// </summary>
internal static class RuleCatalog
{
    public static Assembly AnalyzerAssembly => typeof(ErrorBodyWithSuccessStatusAnalyzer).Assembly;

    public static Assembly FixerAssembly => typeof(ErrorBodyWithSuccessStatusFixer).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Instances<DiagnosticAnalyzer>(AnalyzerAssembly);

    public static ImmutableArray<CodeFixProvider> Fixers { get; } = Instances<CodeFixProvider>(FixerAssembly);

    public static ImmutableArray<RuleInfo> Rules { get; } = Build();

    /// <summary>The .editorconfig spelling of a severity: <c>warning</c>, <c>suggestion</c>, ...</summary>
    public static string EditorConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    private static ImmutableArray<RuleInfo> Build()
    {
        var fixable = new HashSet<string>(Fixers.SelectMany(f => f.FixableDiagnosticIds), StringComparer.Ordinal);
        var rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var analyzer in Analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                rules[descriptor.Id] = new RuleInfo(descriptor, analyzer.GetType().Name, fixable.Contains(descriptor.Id));
            }
        }

        return rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    private static ImmutableArray<T> Instances<T>(Assembly assembly)
        where T : class
        => assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
