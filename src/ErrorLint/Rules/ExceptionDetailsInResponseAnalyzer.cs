using System.Collections.Concurrent;
using System.Collections.Immutable;
using ErrorLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Rules;

/// <summary>
/// EL0009: the stack trace, <c>ToString()</c>, the exception object itself, an inner exception, <c>Source</c>,
/// <c>TargetSite</c> or <c>Data</c> of a handled exception reaches a response outside a development guard.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0009ExceptionDetailsInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            // A value can reach several sinks (a local sent twice); it is reported once.
            var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
            start.RegisterOperationAction(
                c => Analyze(c, model, reported),
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.Return);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ResponseModel model, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
    {
        foreach (var sent in ExceptionSinks.LeaksAt(context.Operation, model, context.ContainingSymbol, context.CancellationToken))
        {
            var syntax = sent.Leak.Syntax;
            if (sent.Leak.Kind == ExceptionLeakKind.Details && reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0009ExceptionDetailsInResponse, syntax.GetLocation(), sent.Leak.Description, sent.Sink));
            }
        }
    }
}
