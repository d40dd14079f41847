using System.Collections.Immutable;
using ErrorLint.Facts.Authentication;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>EL0006: a human message passed to Forbid/Challenge/SignOut where ASP.NET Core expects authentication scheme names.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageAsAuthenticationSchemeAnalyzer : DiagnosticAnalyzer
{
    private const int MaxShownLength = 50;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0006MessageAsAuthenticationScheme);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            var facts = model.Authentication.Schemes;
            start.RegisterOperationBlockAction(c =>
            {
                foreach (var operation in model.OperationsIn(c).Operations)
                {
                    if (operation.Kind == OperationKind.ObjectCreation || SchemeArguments.IsSchemeCallName(operation.CalledName))
                    {
                        Analyze(c, operation.Operation, facts);
                    }
                }
            });
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, IOperation operation, SchemeArguments facts)
    {
        // Decided by the bound method: the application's own Forbid(string message) is not a framework call.
        if (facts.SchemeArgument(operation) is not { } argument)
        {
            return;
        }

        foreach (var value in SchemeArguments.SchemeValues(argument))
        {
            if (!facts.IsEvidentlyMessage(value))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0006MessageAsAuthenticationScheme, value.Syntax.GetLocation(), CallName(operation), CodeText.Shorten(value.Syntax, MaxShownLength)));
            return;
        }
    }

    private static string CallName(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: { IsStatic: true, IsExtensionMethod: false } method } => method.ContainingType.Name + "." + method.Name,
        IInvocationOperation invocation => invocation.TargetMethod.Name,
        IObjectCreationOperation creation => "new " + creation.Type?.Name,
        _ => operation.Syntax.ToString(),
    };
}
