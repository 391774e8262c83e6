/** The longest note any verb or form takes: timeline notes and the notes on steps, resumes and cleared actions. */
export const NOTE_MAX_LENGTH = 5000;
