using System.Collections.Concurrent;
using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Rules;

/// <summary>
/// EL0010: the <c>Message</c> of a catch-all or infrastructure exception reaches a response outside a development
/// guard. The application's own exception types, client-input exceptions and configured safe types are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionMessageInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0010ExceptionMessageInResponse);

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
        ErrorLintOptions? options = null;
        foreach (var sent in ExceptionSinks.LeaksAt(context.Operation, model, context.ContainingSymbol, context.CancellationToken))
        {
            var leak = sent.Leak;
            if (leak.Kind != ExceptionLeakKind.Message || leak.ExceptionType is not { } type
                || !ExceptionFamilies.IsUnexpected(ExceptionFamilies.Classify(type, context.Compilation)))
            {
                continue;
            }

            options ??= ErrorLintOptions.For(context.Options, context.Operation.Syntax.SyntaxTree);
            if (IsSafe(type, options))
            {
                continue;
            }

            var syntax = leak.Syntax;
            if (reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0010ExceptionMessageInResponse, syntax.GetLocation(), type.Name, sent.Sink));
            }
        }
    }

    private static bool IsSafe(ITypeSymbol type, ErrorLintOptions options)
    {
        for (var current = type.WithNullableAnnotation(NullableAnnotation.None); current is not null; current = current.BaseType)
        {
            if (ErrorLintOptions.Names(options.SafeExceptionTypes, current))
            {
                return true;
            }
        }

        return false;
    }
}
