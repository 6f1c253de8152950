using Microsoft.AspNetCore.Identity;

namespace SelfServiceBot.Data.Entities;

/// <summary>A person who signs in to the staff pages (agents, supervisors, managers, admins).</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Shown to colleagues and, as "Anna", to customers in a live chat.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Set for generated one-time passwords: the next sign-in must choose a new one first.</summary>
    public bool MustChangePassword { get; set; }
}
