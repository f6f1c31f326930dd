import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { App } from './App';
import { ReviewSession } from './session';

// sidepanel.html reviews the tab its trigger names; sidepanel.html?tab=ID (the fallback window, tests) reviews ID.
const session = new ReviewSession();
render(<App session={session} />, document.getElementById('app')!);
void session.start(new URLSearchParams(location.search));
addEventListener('pagehide', () => session.dispose());
