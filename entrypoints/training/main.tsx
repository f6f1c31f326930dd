import { render } from 'preact';
import '../../components/theme.css';
import '../../components/training/training.css';
import { TrainingApp } from '../../components/training/TrainingApp';

// training.html: gallery, classroom step-through and quiz over the rules' own examples (components/training/).
render(<TrainingApp />, document.getElementById('app')!);
