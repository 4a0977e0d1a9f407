// The entry is tiny on purpose (issue 11): early.ts starts the first page's API requests at once,
// then the app (React, antd, the pages) loads; Vite preloads all of boot's chunks in parallel.
import './early';

void import('./boot');
