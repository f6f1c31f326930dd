import { render } from 'preact';
import '../../components/theme.css';
import '../../components/log/log.css';
import { ReviewsApp } from '../../components/log/ReviewsApp';

// reviews.html (not "history": WXT would make that an override of the browser's history page).
render(<ReviewsApp />, document.getElementById('app')!);
