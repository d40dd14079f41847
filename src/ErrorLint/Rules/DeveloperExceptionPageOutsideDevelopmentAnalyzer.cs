using System.Collections.Immutable;
using System.Threading;
using ErrorLint.Configuration;
using ErrorLint.Facts.Development;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0011: <c>UseDeveloperExceptionPage()</c>, <c>UseDatabaseErrorPage()</c> or <c>UseMigrationsEndPoint()</c> reached
/// outside a development-only guard; and <c>UseDeveloperExceptionPage()</c> registered after <c>UseExceptionHandler()</c>
/// on the same application builder.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeveloperExceptionPageOutsideDevelopmentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set on the "registered after UseExceptionHandler" form, which has no code fix.</summary>
    public const string OrderProperty = "ErrorLint.Order";

    private static readonly ImmutableDictionary<string, string?> OrderProperties = ImmutableDictionary<string, string?>.Empty.Add(OrderProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment, Descriptors.EL0011DeveloperExceptionPageAfterExceptionHandler);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model || model.Types.ApplicationBuilder is not { } applicationBuilder)
            {
                return;
            }

            start.RegisterOperationBlockAction(c =>
            {
                foreach (var operation in model.OperationsIn(c).Operations)
                {
                    if (operation.CalledName is "UseDeveloperExceptionPage" or "UseDatabaseErrorPage" or "UseMigrationsEndPoint")
                    {
                        Analyze(c, (IInvocationOperation)operation.Operation, operation.CalledName, applicationBuilder, model.Development);
                    }
                }
            });
        });
    }

    private static void Analyze(
        OperationBlockAnalysisContext context, IInvocationOperation invocation, string name, INamedTypeSymbol applicationBuilder, DevelopmentGuards development)
    {
        if (BuilderOf(invocation, applicationBuilder) is not { } builder)
        {
            return;
        }

        var attributes = ErrorLintOptions.For(context.Options, invocation.Syntax.SyntaxTree).DevelopmentOnlyAttributes;
        if (!development.IsDevelopmentOnly(invocation, context.OwningSymbol)
            && !development.IsDevelopmentByDefault(invocation, context.CancellationToken)
            && !DevelopmentGuards.HasDevelopmentOnlyAttribute(context.OwningSymbol, attributes))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment, invocation.Syntax.GetLocation(), name));
        }

        if (name == "UseDeveloperExceptionPage" && ReferencedSymbol(builder) is { } builderSymbol && HasExceptionHandlerBefore(invocation, builderSymbol, applicationBuilder, development, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0011DeveloperExceptionPageAfterExceptionHandler, invocation.Syntax.GetLocation(), OrderProperties, name));
        }
    }

    /// <summary>The application builder the middleware is added to: the receiver of the extension call.</summary>
    private static IOperation? BuilderOf(IInvocationOperation invocation, INamedTypeSymbol applicationBuilder)
    {
        var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        receiver = receiver.WithoutImplicitConversions();
        return receiver is not null && receiver.Type.Implements(applicationBuilder) ? receiver : null;
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>True when one operation is in the <c>if</c> branch and the other in the <c>else</c> branch of the same statement.</summary>
    private static bool InExclusiveBranches(IOperation first, IOperation second)
    {
        var child = first;
        for (var parent = first.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                var other = ReferenceEquals(conditional.WhenTrue, child) ? whenFalse : ReferenceEquals(whenFalse, child) ? conditional.WhenTrue : null;
                if (other is not null && other.Syntax.Span.Contains(second.Syntax.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A <c>UseExceptionHandler()</c> on the same builder earlier in the member, not confined to production-only branches.</summary>
    private static bool HasExceptionHandlerBefore(
        IInvocationOperation developerPage, ISymbol builder, INamedTypeSymbol applicationBuilder, DevelopmentGuards development, CancellationToken cancellationToken)
    {
        foreach (var operation in developerPage.Root().Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is IInvocationOperation { TargetMethod.Name: "UseExceptionHandler" } handler
                && handler.Syntax.SpanStart < developerPage.Syntax.SpanStart
                && BuilderOf(handler, applicationBuilder) is { } handlerBuilder
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(handlerBuilder), builder)
                && !development.IsOutsideDevelopmentOnly(handler)
                && !InExclusiveBranches(handler, developerPage))
            {
                return true;
            }
        }

        return false;
    }
}
