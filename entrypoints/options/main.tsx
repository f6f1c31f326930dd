import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { OptionsApp } from './App';

render(<OptionsApp />, document.getElementById('app')!);
