namespace TalentCloud.Web.Components;

/// <summary>
/// Marks a page a visitor (not signed in) has nothing to interact with: its links and GET forms work as plain HTML.
/// For a visitor it is sent as static server-rendered HTML and opens no live connection (no circuit held on the
/// server); a signed-in user gets it interactive as every other page (live notification count, menus).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StaticForVisitorsAttribute : Attribute;
