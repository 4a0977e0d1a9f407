export const calendarPlaceholder = 1;
