package ai.physical.textbook.launcher;

/**
 * Local run of the whole stack (placeholder until the launcher lands).
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		System.out.println("The launcher is not implemented yet.");
	}

}
