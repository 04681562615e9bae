using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Components;

namespace TalentCloud.Tests.Fuzz;

/// <summary>
/// The static form list keeps up with the app: every component whose markup renders a form that posts (method="post",
/// as every static form must) is listed, and every listed component does render one.
/// </summary>
public sealed class FuzzedFormsListTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The components of the web app whose compiled markup sets a form's method to "post".</summary>
    public static IReadOnlyList<Type> PostingComponents() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => StringLiterals(t).Contains("post", StringComparer.OrdinalIgnoreCase))];

    [Fact]
    public void Every_component_that_renders_a_posting_form_is_in_the_form_list()
    {
        var posting = PostingComponents();
        var listed = FuzzedForms.All.Select(f => f.Component).ToHashSet();

        Assert.Contains(typeof(TalentCloud.Web.Components.Account.Pages.Login), posting);
        Assert.Empty(posting.Where(t => !listed.Contains(t)).Select(t => $"{t.FullName} renders a posting form but is not in FuzzedForms.All"));
        Assert.Empty(listed.Where(t => !posting.Contains(t)).Select(t => $"{t.FullName} is in FuzzedForms.All but renders no posting form"));
        Assert.Equal(FuzzedForms.All.Count, FuzzedForms.All.Select(f => f.Name).Distinct().Count());
    }

    /// <summary>
    /// The string constants the type's code loads, its compiler-made closures included (the markup of a render fragment
    /// compiles into one): what Razor compiles <c>method="post"</c> into.
    /// </summary>
    private static IEnumerable<string> StringLiterals(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var methods = WithNested(type).SelectMany(t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)));
        foreach (var method in methods)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
            for (var at = 0; at < il.Length;)
            {
                var opCode = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
                at += opCode.Size;
                if (opCode == OpCodes.Ldstr)
                {
                    yield return method.Module.ResolveString(BitConverter.ToInt32(il, at));
                }

                at += OperandSize(opCode, il, at);
            }
        }
    }

    private static IEnumerable<Type> WithNested(Type type) => type.GetNestedTypes(BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
