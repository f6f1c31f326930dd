import { render } from 'preact';
import '../../components/theme.css';
import '../../components/log/opinion.css';
import { OpinionPage } from '../../components/log/OpinionPage';

// opinion.html?id=N: the printable 审查意见书 of review N.
const raw = new URLSearchParams(location.search).get('id');
const id = raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
render(<OpinionPage id={id} />, document.getElementById('app')!);
