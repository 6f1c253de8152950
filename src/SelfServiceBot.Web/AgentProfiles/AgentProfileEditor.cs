using System.Globalization;
using SelfServiceBot.Handoff.Agents;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>
/// Checks a profile as typed (skills against the knowledge base, languages, capacity) and saves it, which routes at once.
/// The profiles page and the <c>agents set</c> command both go through here, so they accept and refuse the same things.
/// </summary>
public sealed class AgentProfileEditor(SkillCatalog catalog, AgentDirectory directory)
{
    /// <param name="capacity">As typed: a whole number from 1 to 20.</param>
    /// <returns>The problems (nothing saved), or none when the profile was saved.</returns>
    public async Task<IReadOnlyList<AgentProfileError>> SaveAsync(AgentRow agent, IReadOnlyList<string> skills, IReadOnlyList<string> languages,
        string? capacity, CancellationToken cancellationToken)
    {
        var known = await catalog.SkillsAsync(cancellationToken);
        var number = int.TryParse(capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var profile = new AgentProfile(skills, languages, number ?? AgentProfile.MinCapacity);
        var errors = profile.Check(known).ToList();
        if (number is null)
        {
            errors.Add(new AgentProfileError(AgentProfileField.Capacity, AgentProfileProblem.OutOfRange, capacity ?? ""));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        await directory.UpdateProfileAsync(agent.UserId, agent.DisplayName, profile.Canonical(known), cancellationToken);
        return [];
    }
}
