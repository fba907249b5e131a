package ai.physical.textbook.auth.profile;

/**
 * The body of a profile change (the original plan's ProfileUpdateSchema): both backgrounds, replaced as a whole.
 * Fields may be null here when the input left them out; {@link ProfileValidator} says which are required.
 */
public record ProfileUpdate(SoftwareBackground softwareBackground, HardwareBackground hardwareBackground) {

}
