using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Fluent.Conditions;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SelfServiceBot.Architecture.Tests;

/// <summary>
/// Program.cs owns the middleware pipeline and each module's registration is its own: middleware is added only by Program
/// or by a <c>Use*</c> method that Program calls in its place, so the order of Program's lines is the whole order of the
/// pipeline; <c>Map*</c> only maps and <c>Add*</c> only registers.
/// </summary>
public sealed class PipelineTests
{
    [Fact]
    public void Middleware_is_added_only_by_Program_or_a_Use_method()
    {
        MethodMembers().That().AreDeclaredIn(Modules.OwnTypes())
            .And().DoNotHaveNameStartingWith("Use")
            .And().DoNotHaveNameStartingWith("<Use")
            .And().AreNotDeclaredIn(Types().That().HaveFullNameMatching(@"^Program(\+.*)?$"))
            .Should().FollowCustomCondition(m => Calls(m, IsMiddleware), "add no middleware (call no Use* method of Microsoft.AspNetCore.Builder)")
            .Check(Modules.Architecture);
    }

    [Fact]
    public void A_module_s_Add_method_registers_no_other_module()
    {
        MethodMembers().That().AreDeclaredIn(Modules.OwnTypes())
            .And().AreDeclaredIn(Types().That().DoNotResideInAssembly(Modules.AssemblyOf("Web")))
            .And().HaveNameMatching(@"^<?Add")
            .Should().FollowCustomCondition(m => Calls(m, target => IsAnotherModulesRegistration(m, target)),
                "call no other module's Add* registration (the host, Program.cs, adds each module)")
            .Check(Modules.Architecture);
    }

    [Fact]
    public void The_rules_see_the_calls_they_forbid()
    {
        // Without this, a loader that dropped call dependencies would make both rules above pass on anything: the Use*
        // methods Program calls do add middleware, and the CLI host (Web) does call the modules' Add* methods.
        var web = Modules.Architecture.Types.Where(t => t.Assembly.Name.StartsWith("SelfServiceBot.Web", StringComparison.Ordinal)).ToList();
        var calls = web.SelectMany(t => t.Members).SelectMany(m => m.Dependencies).OfType<MethodCallDependency>().ToList();

        Assert.Contains(calls, c => c.OriginMember.Name.StartsWith("Use", StringComparison.Ordinal) && IsMiddleware(c.TargetMember));
        Assert.Contains(calls, c => IsAnotherModulesRegistration(c.OriginMember, c.TargetMember));
    }

    private static bool IsMiddleware(IMember target) =>
        target.DeclaringType.Namespace.FullName == "Microsoft.AspNetCore.Builder" && target.Name.StartsWith("Use", StringComparison.Ordinal);

    private static bool IsAnotherModulesRegistration(IMember caller, IMember target) =>
        target.Name.StartsWith("Add", StringComparison.Ordinal)
        && target.DeclaringType.Assembly.Name.StartsWith("SelfServiceBot.", StringComparison.Ordinal)
        && target.DeclaringType.Assembly.FullName != caller.DeclaringType.Assembly.FullName;

    private static ConditionResult Calls(MethodMember method, Func<IMember, bool> forbidden)
    {
        var calls = method.Dependencies.OfType<MethodCallDependency>().Select(d => d.TargetMember).Where(forbidden)
            .Select(t => $"{t.DeclaringType.Name}.{t.Name[..t.Name.IndexOf('(')]}").Distinct().ToList();
        return new ConditionResult(method, calls.Count == 0, "calls " + string.Join(", ", calls));
    }
}
