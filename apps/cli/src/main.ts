import { calendarPlaceholder } from '@planledger/calendar';
console.log('hello', calendarPlaceholder);
