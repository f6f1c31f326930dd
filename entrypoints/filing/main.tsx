import { render } from 'preact';
import '../../components/theme.css';
import '../../components/log/log.css';
import '../../components/filing/filing.css';
import { FilingApp } from '../../components/filing/FilingApp';

render(<FilingApp />, document.getElementById('app')!);
