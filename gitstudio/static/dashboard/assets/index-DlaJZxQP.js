const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var He,q,Pt,de,at,Nt,Dt,Ve,Ce,be,Ht,nt,Xe,Qe,Pe={},Ne=[],rn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,qe=Array.isArray;function le(e,t){for(var r in t)e[r]=t[r];return e}function rt(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function on(e,t,r){var o,a,s,d={};for(s in t)s=="key"?o=t[s]:s=="ref"?a=t[s]:d[s]=t[s];if(arguments.length>2&&(d.children=arguments.length>3?He.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)d[s]===void 0&&(d[s]=e.defaultProps[s]);return Te(e,d,o,a,null)}function Te(e,t,r,o,a){var s={type:e,props:t,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++Pt,__i:-1,__u:0};return a==null&&q.vnode!=null&&q.vnode(s),s}function ne(e){return e.children}function ve(e,t){this.props=e,this.context=t}function pe(e,t){if(t==null)return e.__?pe(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?pe(e):null}function sn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,o=[],a=[],s=le({},t);s.__v=t.__v+1,q.vnode&&q.vnode(s),ot(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,o,r??pe(t),!!(32&t.__u),a),s.__v=t.__v,s.__.__k[s.__i]=s,Ut(o,s,a),t.__e=t.__=null,s.__e!=r&&qt(s)}}function qt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),qt(e)}function lt(e){(!e.__d&&(e.__d=!0)&&de.push(e)&&!De.__r++||at!=q.debounceRendering)&&((at=q.debounceRendering)||Nt)(De)}function De(){try{for(var e,t=1;de.length;)de.length>t&&de.sort(Dt),e=de.shift(),t=de.length,sn(e)}finally{de.length=De.__r=0}}function Ot(e,t,r,o,a,s,d,l,u,c,h){var m,i,p,f,v,_,g=o&&o.__k||Ne,b=t.length;for(u=an(r,t,g,u,b),m=0;m<b;m++)(p=r.__k[m])!=null&&(i=p.__i!=-1&&g[p.__i]||Pe,p.__i=m,_=ot(e,p,i,a,s,d,l,u,c,h),f=p.__e,p.ref&&i.ref!=p.ref&&(i.ref&&st(i.ref,null,p),h.push(p.ref,p.__c||f,p)),v==null&&f!=null&&(v=f),4&p.__u?(u=Bt(p,u,e),i.__e&&(i.__e=null)):typeof p.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),p.__u&=-7);return r.__e=v,u}function an(e,t,r,o,a){var s,d,l,u,c,h=r.length,m=h,i=0;for(e.__k=new Array(a),s=0;s<a;s++)(d=t[s])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[s]=Te(null,d,null,null,null):qe(d)?d=e.__k[s]=Te(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[s]=Te(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[s]=d,u=s+i,d.__=e,d.__b=e.__b+1,l=null,(c=d.__i=ln(d,r,u,m))!=-1&&(m--,(l=r[c])&&(l.__u|=2)),l==null||l.__v==null?(c==-1&&(a>h?i--:a<h&&i++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?i--:c==u+1?i++:(c>u?i--:i++,d.__u|=4))):e.__k[s]=null;if(m)for(s=0;s<h;s++)(l=r[s])!=null&&(2&l.__u)==0&&(l.__e==o&&(o=pe(l)),Ft(l,l));return o}function Bt(e,t,r){var o,a;if(typeof e.type=="function"){for(o=e.__k,a=0;o&&a<o.length;a++)o[a]&&(o[a].__=e,t=Bt(o[a],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=pe(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function ln(e,t,r,o){var a,s,d,l=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&l==null||h&&l==c.key&&u==c.type)return r;if(o>(h?1:0)){for(a=r-1,s=r+1;a>=0||s<t.length;)if((c=t[d=a>=0?a--:s++])!=null&&(2&c.__u)==0&&l==c.key&&u==c.type)return d}return-1}function ct(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||rn.test(t)?r:r+"px"}function Ee(e,t,r,o,a){var s,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)r&&t in r||ct(e.style,t,"");if(r)for(t in r)o&&r[t]==o[t]||ct(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(Ht,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=r,r?o?r[be]=o[be]:(r[be]=nt,e.addEventListener(t,s?Qe:Xe,s)):e.removeEventListener(t,s?Qe:Xe,s);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function dt(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Ce]==null)t[Ce]=nt++;else if(t[Ce]<r[be])return;return r(q.event?q.event(t):t)}}}function ot(e,t,r,o,a,s,d,l,u,c){var h,m,i,p,f,v,_,g,b,$,S,T,D,z,J,X,B=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),s=[l=t.__e=r.__e]),(h=q.__b)&&h(t);e:if(typeof B=="function"){m=d.length;try{if(b=t.props,$=B.prototype&&B.prototype.render,S=(h=B.contextType)&&o[h.__c],T=h?S?S.props.value:h.__:o,r.__c?g=(i=t.__c=r.__c).__=i.__E:($?t.__c=i=new B(b,T):(t.__c=i=new ve(b,T),i.constructor=B,i.render=dn),S&&S.sub(i),i.state||(i.state={}),i.__n=o,p=i.__d=!0,i.__h=[],i._sb=[]),$&&i.__s==null&&(i.__s=i.state),$&&B.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=le({},i.__s)),le(i.__s,B.getDerivedStateFromProps(b,i.__s))),f=i.props,v=i.state,i.__v=t,p)$&&B.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),$&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if($&&B.getDerivedStateFromProps==null&&b!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(b,T),t.__v==r.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(b,i.__s,T)===!1){t.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(W){W&&(W.__=t)}),Ne.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),l=pe(r);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(b,i.__s,T),$&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,v,_)})}if(i.context=T,i.props=b,i.__P=e,i.__e=!1,D=q.__r,z=0,$)i.state=i.__s,i.__d=!1,D&&D(t),h=i.render(i.props,i.state,i.context),Ne.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,D&&D(t),h=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++z<25);i.state=i.__s,i.getChildContext!=null&&(o=le(le({},o),i.getChildContext())),$&&!p&&i.getSnapshotBeforeUpdate!=null&&(_=i.getSnapshotBeforeUpdate(f,v)),J=h!=null&&h.type===ne&&h.key==null?Vt(h.props.children):h,l=Ot(e,qe(J)?J:[J],t,r,o,a,s,d,l,u,c),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),g&&(i.__E=i.__=null)}catch(W){if(d.length=m,t.__v=null,u||s!=null){if(W.then){for(t.__u|=u?160:128;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;s!=null&&(s[s.indexOf(l)]=null),t.__e=l}else if(s!=null)for(X=s.length;X--;)rt(s[X])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),W.then||Lt(t),q.__e(W,t,r)}}else s==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):l=t.__e=cn(r.__e,t,r,o,a,s,d,u,c);return(h=q.diffed)&&h(t),128&t.__u?void 0:l}function Lt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Lt))}function Ut(e,t,r){for(var o=0;o<r.length;o++)st(r[o],r[++o],r[++o]);q.__c&&q.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(s){s.call(a)})}catch(s){q.__e(s,a.__v)}})}function Vt(e){return typeof e!="object"||e==null||e.__b>0?e:qe(e)?e.map(Vt):e.constructor!==void 0?null:le({},e)}function cn(e,t,r,o,a,s,d,l,u){var c,h,m,i,p,f,v,_=r.props||Pe,g=t.props,b=t.type;if(b=="svg"?a="http://www.w3.org/2000/svg":b=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),s!=null){for(c=0;c<s.length;c++)if((p=s[c])&&"setAttribute"in p==!!b&&(b?p.localName==b:p.nodeType==3)){e=p,s[c]=null;break}}if(e==null){if(b==null)return document.createTextNode(g);e=document.createElementNS(a,b,g.is&&g),l&&(q.__m&&q.__m(t,s),l=!1),s=null}if(b==null)_===g||l&&e.data==g||(e.data=g);else{if(s=b=="textarea"&&g.defaultValue!=null?null:s&&He.call(e.childNodes),!l&&s!=null)for(_={},c=0;c<e.attributes.length;c++)_[(p=e.attributes[c]).name]=p.value;for(c in _)p=_[c],c=="dangerouslySetInnerHTML"?m=p:c=="children"||c in g||c=="value"&&"defaultValue"in g||c=="checked"&&"defaultChecked"in g||Ee(e,c,null,p,a);for(c in g)p=g[c],c=="children"?i=p:c=="dangerouslySetInnerHTML"?h=p:c=="value"?f=p:c=="checked"?v=p:l&&typeof p!="function"||_[c]===p||Ee(e,c,p,_[c],a);if(h)l||m&&(h.__html==m.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(m&&(e.innerHTML=""),Ot(t.type=="template"?e.content:e,qe(i)?i:[i],t,r,o,b=="foreignObject"?"http://www.w3.org/1999/xhtml":a,s,d,s?s[0]:r.__k&&pe(r,0),l,u),s!=null)for(c=s.length;c--;)rt(s[c]);l&&b!="textarea"||(c="value",b=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[c]||b=="progress"&&!f||b=="option"&&f!=_[c])&&Ee(e,c,f,_[c],a),c="checked",v!=null&&v!=e[c]&&Ee(e,c,v,_[c],a))}return e}function st(e,t,r){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(a){q.__e(a,r)}}function Ft(e,t,r){var o,a;if(q.unmount&&q.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||st(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){q.__e(s,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(a=0;a<o.length;a++)o[a]&&Ft(o[a],t,r||typeof e.type!="function");r||rt(e.__e),e.__c=e.__=e.__e=void 0}function dn(e,t,r){return this.constructor(e,r)}function un(e,t,r){var o,a,s,d;t==document&&(t=document.documentElement),q.__&&q.__(e,t),a=(o=!1)?null:t.__k,s=[],d=[],ot(t,e=t.__k=on(ne,null,[e]),a||Pe,Pe,t.namespaceURI,a?null:t.firstChild?He.call(t.childNodes):null,s,a?a.__e:t.firstChild,o,d),Ut(s,e,d),e.props.children=null}He=Ne.slice,q={__e:function(e,t,r,o){for(var a,s,d;t=t.__;)if((a=t.__c)&&!a.__)try{if((s=a.constructor)&&s.getDerivedStateFromError!=null&&(a.setState(s.getDerivedStateFromError(e)),d=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,o||{}),d=a.__d),d)return a.__E=a}catch(l){e=l}throw e}},Pt=0,ve.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=le({},this.state),typeof e=="function"&&(e=e(le({},r),this.props)),e&&le(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),lt(this))},ve.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),lt(this))},ve.prototype.render=ne,de=[],Nt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Dt=function(e,t){return e.__v.__b-t.__v.__b},De.__r=0,Ve=Math.random().toString(8),Ce="__d"+Ve,be="__a"+Ve,Ht=/(PointerCapture)$|Capture$/i,nt=0,Xe=dt(!1),Qe=dt(!0);var hn=0;function n(e,t,r,o,a,s){t||(t={});var d,l,u=t;if("ref"in u)for(l in u={},t)l=="ref"?d=t[l]:u[l]=t[l];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--hn,__i:-1,__u:0,__source:a,__self:s};if(typeof e=="function"&&(d=e.defaultProps))for(l in d)u[l]===void 0&&(u[l]=d[l]);return q.vnode&&q.vnode(c),c}var ke,V,Fe,ut,$e=0,Gt=[],G=q,ht=G.__b,mt=G.__r,pt=G.diffed,ft=G.__c,gt=G.unmount,_t=G.__;function it(e,t){G.__h&&G.__h(V,e,$e||t),$e=0;var r=V.__H||(V.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function w(e){return $e=1,mn(zt,e)}function mn(e,t,r){var o=it(ke++,2);if(o.t=e,!o.__c&&(o.__=[zt(void 0,t),function(l){var u=o.__N?o.__N[0]:o.__[0],c=o.t(u,l);u!==c&&(o.__N=[c,o.__[1]],o.__c.setState({}))}],o.__c=V,!V.__f)){var a=function(l,u,c){if(!o.__c.__H)return!0;var h=!1,m=o.__c.props!==l;if(o.__c.__H.__.some(function(p){if(p.__N){h=!0;var f=p.__[0];p.__=p.__N,p.__N=void 0,f!==p.__[0]&&(m=!0)}}),s){var i=s.call(this,l,u,c);return h?i||m:i}return!h||m};V.__f=!0;var s=V.shouldComponentUpdate,d=V.componentWillUpdate;V.componentWillUpdate=function(l,u,c){if(this.__e){var h=s;s=void 0,a(l,u,c),s=h}d&&d.call(this,l,u,c)},V.shouldComponentUpdate=a}return o.__N||o.__}function U(e,t){var r=it(ke++,3);!G.__s&&Wt(r.__H,t)&&(r.__=e,r.u=t,V.__H.__h.push(r))}function fe(e){return $e=5,Oe(function(){return{current:e}},[])}function Oe(e,t){var r=it(ke++,7);return Wt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function yt(e,t){return $e=8,Oe(function(){return e},t)}function pn(){for(var e;e=Gt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(je),t.__h.some(Ke),t.__h=[]}catch(r){t.__h=[],G.__e(r,e.__v)}}}G.__b=function(e){V=null,ht&&ht(e)},G.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),_t&&_t(e,t)},G.__r=function(e){mt&&mt(e),ke=0;var t=(V=e.__c).__H;t&&(Fe===V?(t.__h=[],V.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(je),t.__h.some(Ke),t.__h=[],ke=0)),Fe=V},G.diffed=function(e){pt&&pt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Gt.push(t)!==1&&ut===G.requestAnimationFrame||((ut=G.requestAnimationFrame)||fn)(pn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Fe=V=null},G.__c=function(e,t){t.some(function(r){try{r.__h.some(je),r.__h=r.__h.filter(function(o){return!o.__||Ke(o)})}catch(o){t.some(function(a){a.__h&&(a.__h=[])}),t=[],G.__e(o,r.__v)}}),ft&&ft(e,t)},G.unmount=function(e){gt&&gt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(o){try{je(o)}catch(a){t=a}}),r.__H=void 0,t&&G.__e(t,r.__v))};var bt=typeof requestAnimationFrame=="function";function fn(e){var t,r=function(){clearTimeout(o),bt&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(r,35);bt&&(t=requestAnimationFrame(r))}function je(e){var t=V,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),V=t}function Ke(e){var t=V;e.__c=e.__(),V=t}function Wt(e,t){return!e||e.length!==t.length||t.some(function(r,o){return r!==e[o]})}function zt(e,t){return typeof t=="function"?t(e):t}function Q(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function me(e){return Q(e)==="object"}function gn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function vt(e,t){return e.length<124?e:t}const _n="graphql-transport-ws";var Y=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Y||{}),Z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Z||{});function Jt(e){if(!me(e))throw new Error(`Message is expected to be an object, but got ${Q(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${Q(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${Q(e.payload.query)}`);if(e.payload.variables!=null&&!me(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${Q(e.payload.variables)}`);if(e.payload.operationName!=null&&Q(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${Q(e.payload.operationName)}`);if(e.payload.extensions!=null&&!me(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${Q(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!gn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function yn(e,t){return Jt(typeof e=="string"?JSON.parse(e,t):e)}function _e(e,t){return Jt(e),JSON.stringify(e,t)}function bn(e){const{url:t,connectionParams:r,lazy:o=!0,onNonLazyError:a=console.error,lazyCloseTimeout:s=0,keepAlive:d=0,disablePong:l,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(C){const x=Math.pow(2,C);await new Promise(A=>setTimeout(A,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:m=Ge,on:i,webSocketImpl:p,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const x=Math.random()*16|0;return(C=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:_}=e;let g;if(p){if(!wn(p))throw new Error("Invalid WebSocket implementation provided");g=p}else typeof WebSocket<"u"?g=WebSocket:typeof global<"u"?g=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(g=window.WebSocket||window.MozWebSocket);if(!g)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=g,$=(()=>{const E=(()=>{const x={};return{on(A,H){return x[A]=H,()=>{delete x[A]}},emit(A){"id"in A&&x[A.id]?.(A)}}})(),C={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[E.emit,i.message]:[E.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:E.on,on(x,A){const H=C[x];return H.push(A),()=>{const L=H.indexOf(A);L>-1&&H.splice(L,1)}},emit(x,...A){for(const H of[...C[x]])H(...A)}}})();function S(E){const C=[$.on("error",x=>{C.forEach(A=>A()),E(x)}),$.on("closed",x=>{C.forEach(A=>A()),E(x)})];return()=>C.forEach(x=>x())}let T,D=0,z,J=!1,X=0,B=!1;async function W(){clearTimeout(z);const[E,C]=await(T??(T=new Promise((H,L)=>(async()=>{if(J){if(await h(X),!D)return T=void 0,L({code:1e3,reason:"All Subscriptions Gone"});X++}$.emit("connecting",J);const M=new b(typeof t=="function"?await t():t,_n);let ee,ce;function se(){isFinite(d)&&d>0&&(clearTimeout(ce),ce=setTimeout(()=>{M.readyState===b.OPEN&&(M.send(_e({type:Z.Ping})),$.emit("ping",!1,void 0))},d))}S(F=>{T=void 0,clearTimeout(ee),clearTimeout(ce),L(F),F instanceof wt&&(M.close(4499,"Terminated"),M.onerror=null,M.onclose=null)}),M.onerror=F=>$.emit("error",F),M.onclose=F=>$.emit("closed",F),M.onopen=async()=>{try{$.emit("opened",M);const F=typeof r=="function"?await r():r;if(M.readyState!==b.OPEN)return;M.send(_e(F?{type:Z.ConnectionInit,payload:F}:{type:Z.ConnectionInit},v)),isFinite(u)&&u>0&&(ee=setTimeout(()=>{M.close(Y.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),se()}catch(F){$.emit("error",F),M.close(Y.InternalClientError,vt(F instanceof Error?F.message:String(F),"Internal client error"))}};let K=!1;M.onmessage=({data:F})=>{try{const y=yn(F,_);if($.emit("message",y),y.type==="ping"||y.type==="pong"){$.emit(y.type,!0,y.payload),y.type==="pong"?se():l||(M.send(_e(y.payload?{type:Z.Pong,payload:y.payload}:{type:Z.Pong},v)),$.emit("pong",!1,y.payload));return}if(K)return;if(y.type!==Z.ConnectionAck)throw new Error(`First message cannot be of type ${y.type}`);clearTimeout(ee),K=!0,$.emit("connected",M,y.payload,J),J=!1,X=0;const I=new Promise((j,P)=>S(P));I.catch(()=>{}),H([M,I])}catch(y){M.onmessage=null,$.emit("error",y),M.close(Y.BadResponse,vt(y instanceof Error?y.message:String(y),"Bad response"))}}})())));E.readyState===b.CLOSING&&await C;let x=()=>{};const A=new Promise(H=>x=H);return[E,x,new Promise((H,L)=>{const M=S(L);E.readyState!==b.OPEN&&C.catch(L),A.then(()=>{if(M(),!D){const ee=()=>E.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(z),z=setTimeout(()=>{!D&&E.readyState===b.OPEN&&ee()},s)):ee()}H()})})]}function he(E){if(Ge(E)&&(vn(E.code)||[Y.InternalServerError,Y.InternalClientError,Y.BadRequest,Y.BadResponse,Y.Unauthorized,Y.SubprotocolNotAcceptable,Y.SubscriberAlreadyExists,Y.TooManyInitialisationRequests].includes(E.code)))throw E;if(B)return!1;if(Ge(E)&&E.code===1e3)return D>0;if(!c||X>=c||!m(E))throw E;return J=!0}o||(async()=>{for(D++;;)try{const[,,E]=await W();await E}catch(E){try{if(!he(E))return}catch(C){return a?.(C)}}})();function k(E,C){const x=f(E);let A=!1,H=!1,L=()=>{D--,A=!0};return(async()=>{for(D++;;)try{const[M,ee,ce]=await W();if(A)return ce.catch(()=>{}),ee();const se=$.onMessage(x,K=>{switch(K.type){case Z.Next:{C.next(K.payload);return}case Z.Error:{H=!0,A=!0,C.error(K.payload),L();return}case Z.Complete:{A=!0,L();return}}});M.send(_e({id:x,type:Z.Subscribe,payload:E},v)),L=()=>{!A&&M.readyState===b.OPEN&&M.send(_e({id:x,type:Z.Complete},v)),D--,A=!0,ee()},await ce.finally(se);return}catch(M){if(!he(M))return}})().then(()=>{H||C.complete()}).catch(M=>{C.error(M)}),()=>{A||L()}}return{on:$.on,subscribe:k,iterate(E){const C=[],x={done:!1,error:null,resolve:()=>{}},A=k(E,{next(L){C.push(L),x.resolve()},error(L){x.done=!0,x.error=L,x.resolve()},complete(){x.done=!0,x.resolve()}}),H=(async function*(){for(;;){for(C.length||await new Promise(M=>x.resolve=M);C.length;)yield C.shift();if(x.error)throw x.error;if(x.done)return}})();return H.throw=async L=>(x.done||(x.done=!0,x.error=L,x.resolve()),{done:!0,value:void 0}),H.return=async()=>(A(),{done:!0,value:void 0}),H},async dispose(){if(B=!0,T){const[E]=await T;E.close(1e3,"Normal Closure")}},terminate(){T&&$.emit("closed",new wt)}}}class wt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ge(e){return me(e)&&"code"in e&&"reason"in e}function vn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function wn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let ue=null;async function Sn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return ue=null,null;const t=await e.json();return ue={user:t.user,admin:t.admin,csrfToken:t.csrf_token},ue}async function kn(){const e={Accept:"application/json"};ue&&(e["X-CSRF-Token"]=ue.csrfToken),await fetch("/logout",{method:"POST",headers:e}),ue=null}function Ie(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class we extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function N(e,t,r){const o={"Content-Type":"application/json",Accept:"application/json"};ue&&(o["X-CSRF-Token"]=ue.csrfToken);const a={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},s=await fetch("/graphql",a);let d;try{d=await s.json()}catch{throw new we([{message:`HTTP ${s.status}`,code:s.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new we(d.errors.map(l=>({message:l.message,code:l.extensions?.code??null})));if(d.data==null)throw new we([{message:`HTTP ${s.status}`,code:null}]);return d.data}let We=null;function $n(){if(!We){const e=location.protocol==="https:"?"wss:":"ws:";We=bn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return We}function Ye(e,t,r,o){return $n().subscribe({query:e.toString(),variables:t},{next:a=>{a.data&&r(a.data)},error:a=>o?.(a),complete:()=>{}})}const Ze=new Set;function Xt(){for(const e of Ze)e()}window.addEventListener("popstate",Xt);function et(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Xt())}function In(){const[,e]=w(0);return U(()=>{const t=()=>e(r=>r+1);return Ze.add(t),()=>{Ze.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const xn=["/graphql","/login","/logout","/api/"];function En(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const a=new URL(o.href,location.href);a.origin===location.origin&&(xn.some(s=>a.pathname===s||a.pathname.startsWith(s))||(t.preventDefault(),et(a.pathname+a.search)))})}function Be(e){return"/projects/"+encodeURIComponent(e)}function oe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function St(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Le(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function tt(e){const t=Le(e);return e>0?"+"+t:t}function Re(e){return e.split(":").slice(2).join(":")||e}class R extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new R(`
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}
    `,{fragmentName:"ModelFields"});new R(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new R(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const Cn=new R(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
          status
          lastStep
          metricNames
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `),Tn=new R(`
    query MetricHistory($id: ID!, $name: String!, $maxPoints: Int!) {
  node(id: $id) {
    ... on Experiment {
      metricHistory(name: $name, maxPoints: $maxPoints) {
        name
        steps
        values
        total
      }
    }
  }
}
    `),jn=new R(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    experimentId
  }
}
    `),Rn=new R(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
    defaultBranch
    model(name: $model) {
      ...ModelFields
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Mn=new R(`
    mutation RegisterVersion($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),An=new R(`
    mutation AssignStage($input: StageInput!) {
  assignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Pn=new R(`
    mutation UnassignStage($input: StageInput!) {
  unassignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Nn=new R(`
    mutation DeprecateModel($input: DeprecateModelInput!) {
  deprecateModel(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Dn=new R(`
    query ModelsDashboard($after: String, $filter: ModelFilter) {
  models(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      description
      labels
      path
      registered
      deprecated
      registryError {
        code
        message
      }
      latestVersion {
        version
        createdAt
      }
      stages {
        stage
        versions {
          version
        }
      }
      project {
        id
        name
      }
    }
  }
}
    `),Hn=new R(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `),qn=new R(`
    query RowParams($id: ID!) {
  node(id: $id) {
    ... on Experiment {
      id
      sha
      params
      commit {
        sha
        branches
      }
    }
  }
}
    `),On=new R(`
    mutation RunExperiment($input: RunExperimentInput!) {
  runExperiment(input: $input) {
    commit {
      sha
    }
    branch
    pullRequest {
      number
      url
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Bn=new R(`
    query PullRequests($projectId: ID!, $state: PullRequestState) {
  node(id: $projectId) {
    ... on Project {
      pullRequests(state: $state) {
        id
        number
        title
        sourceBranch
        targetBranch
        state
        url
        forge
        createdBy
        createdAt
        mergeable
        conflicts
      }
    }
  }
}
    `),Ln=new R(`
    mutation MergePullRequest($input: MergePullRequestInput!) {
  mergePullRequest(input: $input) {
    pullRequest {
      id
      state
      mergeSha
    }
    errors {
      code
      message
    }
  }
}
    `),Un=new R(`
    mutation ClosePullRequest($input: ClosePullRequestInput!) {
  closePullRequest(input: $input) {
    pullRequest {
      id
      state
    }
    errors {
      code
      message
    }
  }
}
    `),Vn=new R(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Fn=new R(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),Gn=new R(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Wn=new R(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),zn=new R(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Jn=new R(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),Xn=new R(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),Qn=new R(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Kn=new R(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Yn=new R(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `),Zn=new R(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),er=new R(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),tr=new R(`
    query MyTokens {
  me {
    name
    tokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      projects
    }
  }
}
    `),nr=new R(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
    }
    errors {
      code
      message
    }
  }
}
    `),rr=new R(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    accessToken {
      id
      revokedAt
    }
    errors {
      code
      message
    }
  }
}
    `),or=new R(`
    query Trends($projectId: ID!, $branch: String!, $columns: [String!]!, $first: Int!) {
  node(id: $projectId) {
    ... on Project {
      trends(branch: $branch, columns: $columns, first: $first) {
        sha
        values
        committedAt
        message
      }
    }
  }
}
    `);function ge(e){U(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function sr(){return ge("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function Qt(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:Ie(),children:"Sign in"})," to see it."]})})}function xe(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const ir=15e3;function ar(e){ge("Projects");const[t,r]=w(null),[o,a]=w(0),[s,d]=w(null),[l,u]=w(null);return U(()=>{let c=!1;const h=async()=>{try{const i=[];let p=null,f=0,v=!1;for(let _=0;_<20;_++){const g=await N(Hn,{after:p});if(i.push(...g.projects.nodes),f=g.projects.totalCount,v=g.projects.pageInfo.hasNextPage,p=g.projects.pageInfo.endCursor,!v)break}if(c)return;r(i),a(f),d(v?p:null),u(null)}catch(i){c||u(i)}};h();const m=setInterval(()=>{h()},ir);return()=>{c=!0,clearInterval(m)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),l?n(xe,{error:l}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:Ie("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[o," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:Be(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:oe(c.lastSyncedAt),children:St(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",St(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),s?n("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const lr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),cr=function(e){return"/"+e},kt={},$t=function(t,r,o){let a=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(m=>Promise.resolve(m).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=c;document.getElementsByTagName("link");const l=document.querySelector("meta[property=csp-nonce]"),u=l?.nonce||l?.getAttribute("nonce");a=c(r.map(h=>{if(h=cr(h),h in kt)return;kt[h]=!0;const m=h.endsWith(".css"),i=m?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${i}`))return;const p=document.createElement("link");if(p.rel=m?"stylesheet":lr,m||(p.as="script"),p.crossOrigin="",p.href=h,u&&p.setAttribute("nonce",u),document.head.appendChild(p),m)return new Promise((f,v)=>{p.addEventListener("load",f),p.addEventListener("error",()=>v(new Error(`Unable to preload CSS for ${h}`)))})}))}function s(l){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=l,window.dispatchEvent(u),!u.defaultPrevented)throw l}return a.then(l=>{for(const u of l||[])u.status==="rejected"&&s(u.reason);return t().catch(s)})};async function Kt(e,t){const[{default:r},{expressionInterpreter:o}]=await Promise.all([$t(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),$t(()=>import("./vega-interpreter-BmnYaw1U.js").then(s=>s.v),[])]),a=await r(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>a.finalize(),insert:async(s,d)=>{await a.view.insert(s,d).runAsync()}}}function dr(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const ur=12,hr=500;function mr(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,ur),r=fe(new Map),o=e.rows.map(d=>d.id).join(","),[a,s]=w(0);return U(()=>{if(a<t.length||t.length===0)return;const d=[];for(const l of e.rows.filter(u=>u.live)){let u=-1;for(const c of r.current.values())u=Math.max(u,c.lastStep(l.label));d.push(Ye(jn,{projectId:e.projectId,experimentId:l.id,sinceStep:u>=0?u:null},c=>{const h=c.liveMetrics;if(!(h.type!=="DATA"||h.step===null||typeof h.metrics!="object"||!h.metrics))for(const[m,i]of Object.entries(h.metrics))typeof i=="number"&&r.current.get(m)?.append({rev:l.label,step:h.step,value:i})}))}return()=>{for(const l of d)l()}},[o,a,t.length,e.projectId]),t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>n(pr,{name:d,rows:e.rows.filter(l=>l.metricNames.includes(d)),register:l=>{r.current.set(d,l),s(u=>u+1)}},`${o}:${d}`))})}function pr(e){const t=fe(null),[r,o]=w(0),[a,s]=w(null);return U(()=>{const d=t.current;if(!d)return;const l={stopped:!1},u=()=>l.stopped;let c=null;const h=new Map;let m=0;return(async()=>{const f=(await Promise.all(e.rows.map(async v=>{const g=(await N(Tn,{id:v.id,name:e.name,maxPoints:hr})).node,b=g&&"metricHistory"in g?g.metricHistory:null,$=[];return b&&b.steps.forEach((S,T)=>{const D=b.values[T];typeof D=="number"&&$.push({rev:v.label,step:S,value:D})}),$}))).flat();for(const v of f)h.set(v.rev,Math.max(h.get(v.rev)??-1,v.step));if(!u()){if(c=await Kt(d,dr(e.name,f)),u()){c.finalize();return}m=f.length,o(m),e.register({lastStep:v=>h.get(v)??-1,append:v=>{(h.get(v.rev)??-1)>=v.step||(h.set(v.rev,v.step),m+=1,o(m),c?.insert("points",[v]))}})}})().catch(p=>s(p instanceof Error?p.message:String(p))),()=>{l.stopped=!0,c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),a?n("p",{class:"sync-error",children:a}):null]})}function fr(e){const[t,r]=w(null),[o,a]=w(null),[s,d]=w(!0),l=e.ids.join(",");U(()=>{let h=!1;return r(null),N(Cn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(m=>{const i=m.node;!h&&i&&"compare"in i&&r(i.compare)}).catch(m=>{h||a(m instanceof Error?m.message:String(m))}),()=>{h=!0}},[e.projectId,l,e.baselineId]);const u=new Set(t?.differing??[]),c=t?t.rows.filter(h=>!s||u.has(h.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:h=>d(h.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?n("p",{class:"sync-error",children:o}):null,!t&&!o?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(h=>n("th",{scope:"col",children:h.name??h.sha?.slice(0,7)??h.id},h.id))]})}),n("tbody",{children:c.map(h=>n("tr",{children:[n("th",{scope:"row",title:h.column,children:h.column}),h.values.map((m,i)=>{const p=h.deltas[i],f=h.better[i];return n("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Le(m),p!=null&&p!==0?n("span",{class:"delta",children:[" (",tt(p),")"]}):null]},i)})]},h.column))})]})}),n(mr,{projectId:e.projectId,rows:t.experiments.map(h=>({id:h.id,label:h.name??h.sha?.slice(0,7)??h.id,live:h.kind==="LIVE"&&(h.status==="RUNNING"||h.status==="QUEUED"),metricNames:h.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(h=>n(gr,{plot:h},h.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((h,m)=>n("li",{class:"sync-error",children:[h.revision,": ",h.plot??"all plots",": ",h.message]},m))}):null]}):null]})}function gr(e){const{plot:t}=e;return t.kind==="IMAGE"?n(_r,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n(Yt,{spec:t.spec})]})}function _r(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[o,a]=w(r.length-1),s=r[Math.min(Math.max(o,0),r.length-1)],l=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(m=>m.revision===u);if(s===void 0)return c[c.length-1];const h=c.filter(m=>m.step===null||m.step<=s);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",s,n("input",{type:"range",min:0,max:r.length-1,value:o,onInput:u=>a(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:l.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function Yt(e){const t=fe(null),[r,o]=w("loading");return U(()=>{const a=t.current;if(!a||e.spec==null)return;let s=null,d=!1;return Kt(a,e.spec).then(l=>{d?l.finalize():(s=l,o("ready"))}).catch(l=>o(l instanceof Error?l.message:String(l))),()=>{d=!0,s?.finalize()}},[e.spec]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const yr=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],br=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],vr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Zt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),r=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function It(e){return{columns:Zt(e.columns),sort:null,git:{...vr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function Se(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const o=e.conditions.filter(a=>a.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function Me(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function xt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ye(e){return typeof e=="string"?e:""}function Et(e,t,r,o=[]){const a=new Set(t.columns.map(i=>i.id)),s=e.filter??{},l=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(l){const i=l.direction==="ASC"?"ASC":"DESC";typeof l.column=="string"&&l.column?u={key:l.column,direction:i}:typeof l.field=="string"&&l.field&&(u={key:"field:"+l.field,direction:i})}const c=s.detached===!0?"only":s.detached===!1?"none":"",h={};for(const i of o)i.goal&&(h[i.column]=i.goal);const m=e.columns.filter(i=>a.has(i));return{...r,columns:m.length?m:Zt(t.columns),sort:u,git:{branch:ye(s.branch),onBranch:ye(s.onBranch),tag:ye(s.tag),detached:c,author:ye(s.author),message:ye(s.message)},conditions:Array.isArray(s.columns)?s.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function wr(e,t){const r=new Map;for(const o of e.columnGoals)o.goal&&r.set(o.column,o.goal);for(const[o,a]of Object.entries(t.viewGoals))r.set(o,a);return r}function en(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Sr(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(Se(t)));const o=Me(t.sort);o&&r.set("orderBy",JSON.stringify(o));for(const a of t.columns)r.append("columns",a);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function ze(e){const[t,r]=w(e.value);return U(()=>{r(e.value)},[e.value]),n("input",{type:e.type,value:t,onInput:o=>r(o.currentTarget.value),onChange:o=>e.commit(o.currentTarget.value)})}function kr(e){const{project:t,state:r,update:o}=e,a=c=>o({git:{...r.git,...c}}),s=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,l=(c,h)=>o({conditions:d.map((m,i)=>i===c?{...m,...h}:m)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>a({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),s.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>a({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),s.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>a({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>a({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n(ze,{type:"search",value:r.git.author,commit:c=>a({author:c})})]}),n("label",{children:["Message",n(ze,{type:"search",value:r.git.message,commit:c=>a({message:c})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:m=>l(h,{column:m.currentTarget.value}),children:t.columns.map(m=>n("option",{value:m.id,children:m.id},m.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:m=>l(h,{op:m.currentTarget.value}),children:yr.map(m=>n("option",{value:m.op,children:m.label},m.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n(ze,{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),commit:m=>l(h,{value:en(m)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>o({conditions:d.filter((m,i)=>i!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&o({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function $r(e){const{project:t,state:r,update:o}=e,[a,s]=w(""),d=new Set(r.columns),l=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,v)=>{const _=[...r.columns],g=_.indexOf(f),b=g+v;g<0||b<0||b>=_.length||([_[g],_[b]]=[_[b],_[g]],o({columns:_}))},c=(f,v)=>o({columns:v?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,v)=>{const _={};for(const[g,b]of Object.entries(r.viewGoals))g!==f&&(_[g]=b);(v==="HIGHER"||v==="LOWER")&&(_[f]=v),o({viewGoals:_})},m=a.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),p=[...r.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!m||f.id.toLowerCase().includes(m));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:a,onInput:f=>s(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>o({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:p.map(f=>{const v=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:v,onChange:g=>c(f.id,g.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:g=>h(f.id,g.currentTarget.value),children:[n("option",{value:"",children:l.get(f.id)?`project: ${(l.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function Ir(e){const[t,r]=w(""),[o,a]=w(!1),[s,d]=w(null),l=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),l?n("button",{type:"button",onClick:()=>{e.remove(l).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,o).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:o,onChange:u=>a(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,s?n("span",{class:"muted",role:"status",children:s}):null]})}function xr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,o]of Object.entries(e)){const a=typeof o=="object"&&o!==null&&"data"in o?o.data:o,s=(d,l)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))s(c,l?`${l}.${u}`:u);else l&&t.push({file:r,path:l,value:d})};s(a,"")}return t}function Ct(e){return typeof e=="string"?e:Le(e)}function Er(e){const[t,r]=w(null),[o,a]=w(""),[s,d]=w({}),[l,u]=w("BRANCH"),[c,h]=w(""),[m,i]=w(""),[p,f]=w(null),[v,_]=w(!1);U(()=>{N(qn,{id:e.rowId}).then(S=>{const T=S.node;!T||!("params"in T)||(r(xr(T.params)),a(T.commit?.branches[0]??T.commit?.sha??T.sha??""))}).catch(S=>f(S instanceof Error?S.message:String(S)))},[e.rowId]);const g=S=>`${S.file}\0${S.path}`,b=(t??[]).filter(S=>g(S)in s&&s[g(S)]!==Ct(S.value)).map(S=>({file:S.file,path:S.path,value:en(s[g(S)]??"")})),$=async()=>{_(!0);try{const T=(await N(On,{input:{projectId:e.projectId,baseRev:o,paramChanges:b,target:l,branch:c.trim()||null,message:m.trim()||null}})).runExperiment,D=T.errors[0];if(D)f(`${D.code}: ${D.message}`);else{const z=T.pullRequest;f(`Committed ${T.commit?.sha.slice(0,7)??""}${T.branch?` on ${T.branch}`:""}${z?`, pull request #${z.number}`:""}`)}}catch(S){f(S instanceof Error?S.message:String(S))}finally{_(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:S=>{S.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(S=>n("label",{class:"param","data-testid":"param","data-file":S.file,"data-path":S.path,children:[n("span",{class:"muted small",children:S.file})," ",S.path,n("input",{type:"text",value:s[g(S)]??Ct(S.value),onInput:T=>d({...s,[g(S)]:T.currentTarget.value})})]},g(S)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:o,onInput:S=>a(S.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:l,onChange:S=>u(S.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:S=>h(S.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:m,onInput:S=>i(S.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:v||b.length===0,"data-testid":"run-submit",children:["Run (",b.length," changed)"]})]})]}):null,p?n("p",{class:"notice",role:"status","data-testid":"run-result",children:p}):null]})}function Cr(e){const[t,r]=w(null),[o,a]=w(null),s=async()=>{const u=(await N(Bn,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};U(()=>{s().catch(l=>a(l instanceof Error?l.message:String(l)))},[e.projectId]);const d=async(l,u)=>{try{const c={pullRequestId:l.id},m=(u?(await N(Ln,{input:c})).mergePullRequest:(await N(Un,{input:c})).closePullRequest).errors[0];a(m?`${m.code}: ${m.message}`:`#${l.number} ${u?"merged":"closed"}`),await s()}catch(c){a(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),o?n("p",{class:"muted",role:"status",children:o}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(l=>n("tr",{"data-testid":"pull-request","data-number":l.number,children:[n("td",{children:l.url?n("a",{href:l.url,children:["#",l.number]}):`#${l.number}`}),n("th",{scope:"row",children:l.title}),n("td",{children:[l.sourceBranch," → ",l.targetBranch]}),n("td",{children:[l.state.toLowerCase(),l.state==="OPEN"&&l.mergeable===!1?` (conflicts: ${l.conflicts.join(", ")})`:""]}),n("td",{children:[oe(l.createdAt)," by ",l.createdBy]}),n("td",{children:l.state==="OPEN"&&l.forge===null?n(ne,{children:[n("button",{type:"button",disabled:l.mergeable===!1,onClick:()=>{d(l,!0)},children:["Merge #",l.number]})," ",n("button",{type:"button",onClick:()=>{d(l,!1)},children:["Close #",l.number]})]}):null})]},l.id))})]})]})}const Tr=200;function jr(e){const{project:t}=e,r=t.columns.filter(i=>i.kind==="METRIC"&&i.type==="number"),o=t.branches.filter(i=>!i.hidden),[a,s]=w(t.defaultBranch??o[0]?.name??""),[d,l]=w(r[0]?.id??""),[u,c]=w(null),[h,m]=w(null);return U(()=>{if(!a||!d)return;let i=!1;return c(null),N(or,{projectId:t.id,branch:a,columns:[d],first:Tr}).then(p=>{const f=p.node;if(i||!f||!("trends"in f))return;const v=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${Re(d)} on ${a}`,width:560,height:220,data:{values:v},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:Re(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:Re(d)}]}}),m(null)}).catch(p=>{i||m(p instanceof Error?p.message:String(p))}),()=>{i=!0}},[t.id,a,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:a,onChange:i=>s(i.currentTarget.value),children:o.map(i=>n("option",{value:i.name,children:i.name},i.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:i=>l(i.currentTarget.value),children:r.map(i=>n("option",{value:i.id,children:i.id},i.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(Yt,{spec:u}):null]})}const Rr=9e4,Mr=500,Ar=20;function Pr(e,t,r){const o=4+e,a=o+2+(t?1+Ar*o:0),s=Math.floor(Rr/a);return Math.max(5,Math.min(r?100:Mr,s))}function Nr(e,t){const{commit:r,...o}=e,a={...o,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(a.children=r?.experiments?[...r.experiments]:[]),a}class Dr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,o,a={branches:new Set,rows:new Set}){this.collapsedBranches=a.branches,this.collapsedRows=a.rows,this.query=t,this.segments=r,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}reread(){this.generation+=1;for(const t of this.segments)Object.assign(t,{rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});this.changed()}generation=0;async load(t){if(t.loading||!t.hasNext&&t.total!==null||this.stopped)return;t.loading=!0;const r=this.generation;try{const o={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Pr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},a=this.query.nested?await N(zn,o):await N(Wn,o);if(this.isStopped()||r!==this.generation)return;const s=a.node;if(!s||!("experiments"in s))throw new Error("the project is gone");const d=s.experiments,l=new Set(t.rows.map(u=>u.id));for(const u of d.nodes)l.has(u.id)||t.rows.push(Nr(u,this.query.nested));t.total=Math.max(d.totalCount,t.rows.length),t.cursor=d.pageInfo.endCursor,t.hasNext=d.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(o){if(r!==this.generation)return;t.error=o instanceof Error?o.message:String(o),t.hasNext=!1,t.total=t.rows.length}finally{r===this.generation&&(t.loading=!1,this.changed())}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.key==="detached"&&r.total===0||r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const a of r.rows)if(!(!this.includeHidden&&a.hidden)&&(t.push({t:"row",key:r.key+":"+a.id,row:a,seg:r,depth:0}),a.children&&!this.collapsedRows.has(a.id)))for(const s of a.children)!this.includeHidden&&s.hidden||t.push({t:"child",key:r.key+":"+a.id+":"+s.id,row:s,parent:a,depth:1});const o=r.error||r.total===null?1:r.total-r.rows.length;for(let a=0;a<o;a++)t.push({t:"more",key:`m:${r.key}:${a}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let o=0;o<r.rows.length;o++){const a=r.rows[o];if(a&&(a.id===t&&(yield{list:r.rows,index:o}),a.children)){const s=a.children.findIndex(d=>d.id===t);s>=0&&(yield{list:a.children,index:s})}}}upsert(t,r){let o=!1;for(const{list:a,index:s}of this.places(t.id)){const d=a[s];d&&(a[s]={...d,...t}),o=!0}return!o&&r&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const s of this.segments)for(const d of s.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const a=this.segments.find(s=>s.key==="detached");return t.detached&&a?(a.rows.unshift({...t}),a.total=(a.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let o=!1;for(const{list:a,index:s}of this.places(t)){const d=a[s];d&&(a[s]={...d,...r}),o=!0}o&&this.changed()}remove(t){let r=!1;for(const o of this.segments){const a=o.rows.length;o.rows=o.rows.filter(s=>s.id!==t),o.rows.length!==a&&(r=!0,o.total!==null&&(o.total-=a-o.rows.length));for(const s of o.rows)s.children?.some(d=>d.id===t)&&(s.children=s.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:o}of this.places(t))return r[o]??null;return null}}const Ae=32,Tt=12,Hr=60,jt=2500,qr=300;function Or(e,t,r){const o=Se(t),a=(u,c,h,m)=>({key:u,label:c,branch:h,filter:m,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[a("all",null,null,o)];const s={...o,kinds:["COMMIT"]};if(o.detached===!0)return[a("detached","Detached runs",null,o)];if(o.branch)return[a("branch:"+o.branch,o.branch,o.branch,s)];if(o.onBranch)return[a("on:"+o.onBranch,`commits on ${o.onBranch}`,null,s)];if(o.tag)return[a("tag:"+o.tag,`tag ${o.tag}`,null,s)];const l=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>a("branch:"+u.name,u.name,u.name,{...s,branch:u.name}));return o.detached!==!1&&l.push(a("detached","Detached runs",null,{...o,detached:!0})),l}function tn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Rt=new WeakMap;function Mt(e){let t=Rt.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Rt.set(e,t)),t}async function At(e,t){try{const o=(await N(Fn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function Br(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function Lr(e){return(e??"").split(`
`,1)[0]??""}const Ur=[36,250,124,120,120,240,140],Vr=116,Fr=84;function Gr(e){const t=[...Ur,...e.map(()=>Vr),Fr];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,o)=>r+o,0)}}function Wr(e){ge(e.name);const[t,r]=w(null),[o,a]=w(!1),[s,d]=w(null),[l,u]=w(null),[c,h]=w(null),[,m]=w(0),[i,p]=w(new Set),[f,v]=w(null),[_,g]=w(null),[b,$]=w(!1),[S,T]=w(null),[D,z]=w(!1),J=fe(new Map),X=fe({branches:new Set,rows:new Set}),B=yt(async()=>{try{const y=await N(Vn,{name:e.name,includeHidden:!0});return y.project?(r(y.project),y.project):(a(!0),null)}catch(y){return y instanceof we&&(y.has("UNAUTHENTICATED")||y.has("FORBIDDEN")||y.has("NOT_FOUND"))?a(!0):d(y),null}},[e.name]);U(()=>{B().then(y=>{if(!y)return;const I=It(y),j=new URLSearchParams(location.search).get("view"),P=j?y.views.find(O=>O.name===j):void 0;if(!P){u(I);return}At(y.id,P.name).then(O=>u(Et(P,y,I,O)))})},[B]);const W=l?l.groupByBranch&&xt(l):!1,he=l&&t?JSON.stringify([t.id,Se(l),Me(l.sort),l.columns,W,t.branches]):null;U(()=>{if(!t||!l||he===null)return;const y=new Dr({projectId:t.id,filter:Se(l),orderBy:Me(l.sort),columns:l.columns,nested:W},Or(t,l,W),()=>m(I=>I+1),X.current);return h(y),()=>y.stop()},[he]),U(()=>{c&&(c.includeHidden=!!l?.showHidden),c?.changed()},[c,l?.showHidden]),U(()=>{if(!c||!t)return;const y={projectId:t.id,columns:c.query.columns},I=Object.keys(c.query.filter).every(ae=>ae==="includeHidden"),j=c.query.nested||I&&c.query.orderBy===null,P=ae=>{J.current.set(ae,Date.now()+jt),setTimeout(()=>{const te=J.current.get(ae);te!==void 0&&te<=Date.now()&&(J.current.delete(ae),c.changed())},jt+50)};let O=null;const ie=()=>{O??=setTimeout(()=>{O=null,c.reread()},qr)},re=Ye(Zn,y,ae=>{const te=ae.experimentEvents;if(te.change==="REMOVED"||!te.experiment){c.remove(te.experimentId);return}c.upsert(te.experiment,j)&&P(te.experimentId),j||ie()}),Ue=Ye(er,y,ae=>{const te=ae.liveMetrics;c.upsert(te.experiment,j)&&P(te.experimentId)});return()=>{re(),Ue(),O!==null&&clearTimeout(O)}},[c,t]);const k=l?.baselineId??null,E=l?JSON.stringify(l.columns):"";U(()=>{if(!k||!l)return;let y=!1;return N(Gn,{id:k,columns:l.columns}).then(I=>{const j=I.node;if(y||!Br(j))return;const P=j;u(O=>O&&O.baselineId===k?{...O,baseline:P}:O)}).catch(I=>v(I instanceof Error?I.message:String(I))),()=>{y=!0}},[k,E]);const C=yt(y=>{u(I=>I&&{...I,...y,view:"view"in y?y.view??null:I.view})},[]),x=l?.viewGoals,A=Oe(()=>t&&l?wr(t,l):new Map,[t,x]);if(o)return n(Qt,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(s)return n(xe,{error:s});if(!t||!l||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const H=e.session!==null,L=async y=>{const I=t.views.find(O=>O.name===y),j=new URLSearchParams(location.search);if(I){const O=await At(t.id,I.name);u(Et(I,t,l,O)),j.set("view",I.name)}else u({...It(t),view:null}),j.delete("view");const P=j.toString();et(location.pathname+(P?"?"+P:""),!0)},M=async(y,I)=>{try{const j=await N(Qn,{input:{projectId:t.id,name:y,shared:I,columns:l.columns,filter:Se(l),order:Me(l.sort),baseline:l.baselineId,goals:Object.entries(l.viewGoals).map(([ie,re])=>({column:ie,goal:re})),includeHidden:l.showHidden}}),P=j.saveView.errors[0];if(P)return`${P.code}: ${P.message}`;const O=j.saveView.view;if(O){const ie=[...t.views.filter(Ue=>Ue.id!==O.id),O];r({...t,views:ie}),u({...l,view:O.name});const re=new URLSearchParams(location.search);re.set("view",O.name),et(location.pathname+"?"+re.toString(),!0)}return null}catch(j){return j instanceof Error?j.message:String(j)}},ee=async()=>{try{for(const[y,I]of Object.entries(l.viewGoals)){const P=(await N(Yn,{input:{projectId:t.id,column:y,goal:I}})).setColumnGoal.errors[0];if(P){v(`${P.code}: ${P.message}`);return}}await B(),v("Goals saved for the project")}catch(y){v(y instanceof Error?y.message:String(y))}},ce=async y=>{try{const j=(await N(Kn,{input:{id:y.id}})).deleteView.errors[0];return j?`${j.code}: ${j.message}`:(r({...t,views:t.views.filter(P=>P.id!==y.id)}),await L(null),`Deleted “${y.name}”`)}catch(I){return I instanceof Error?I.message:String(I)}},se=async(y,I,j)=>{try{const P={input:{projectId:t.id,ids:y,branches:I},columns:c.query.columns},O=j?(await N(Xn,P)).unhideRows:(await N(Jn,P)).hideRows,ie=O.errors[0];if(ie){v(`${ie.code}: ${ie.message}`);return}for(const re of O.experiments)c.patch(re.id,{hidden:re.hidden,autoHidden:re.autoHidden});I.length&&await B(),p(new Set),v(`${j?"Shown":"Hidden"}: ${y.length+I.length}`)}catch(P){v(P instanceof Error?P.message:String(P))}},K=[...i].map(y=>c.find(y)).filter(y=>y!==null),F=xt(l);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",oe(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Sr(t.databaseId,l),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Ir,{views:t.views,current:l.view,signedIn:H,pick:y=>{L(y)},save:M,remove:ce}),n(kr,{project:t,state:l,update:C}),n($r,{project:t,state:l,update:C,saveProjectGoals:H?()=>{ee()}:void 0}),n("label",{title:F?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:l.groupByBranch&&F,disabled:!F,onChange:y=>C({groupByBranch:y.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:l.showHidden,onChange:y=>C({showHidden:y.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":b,onClick:()=>$(!b),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":D,onClick:()=>z(!D),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:l.deltas,disabled:!l.baseline,onChange:y=>C({deltas:y.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?n(ne,{children:[n("button",{type:"button",disabled:!H,onClick:()=>{se([...i],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!H,onClick:()=>{se([...i],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:K.length!==1,onClick:()=>C({baseline:K[0]??null,baselineId:K[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!H||K.length!==1,onClick:()=>T(K[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:i.size>100,onClick:()=>g([...i]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>p(new Set),children:"Clear selection"})]}):null,l.baseline?n("button",{type:"button",onClick:()=>C({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),S?n(Er,{projectId:t.id,rowId:S.id,label:tn(S),onClose:()=>T(null)}):null,D?n(Cr,{projectId:t.id,onClose:()=>z(!1)}):null,b?n(jr,{project:t,onClose:()=>$(!1)}):null,_?n(fr,{projectId:t.id,ids:_,baselineId:l.baselineId,onClose:()=>g(null)}):null,n(zr,{project:t,model:c,state:l,goals:A,selected:i,flash:J.current,signedIn:H,onSelect:(y,I)=>{const j=new Set(i);I?j.add(y):j.delete(y),p(j)},onSort:y=>{const I=l.sort,j=I?.key!==y?{key:y,direction:"DESC"}:I.direction==="DESC"?{key:y,direction:"ASC"}:null;C({sort:j})},onHide:(y,I)=>{se([y.id],[],I)},onHideBranch:(y,I)=>{se([],[y],I)}})]})}function zr(e){const{model:t,state:r}=e,o=fe(null),[a,s]=w(0),[d,l]=w(600),u=t.items(),{grid:c,width:h}=Oe(()=>Gr(r.columns),[r.columns]);U(()=>{const g=o.current;if(!g)return;const b=new ResizeObserver(()=>l(g.clientHeight));return b.observe(g),l(g.clientHeight),()=>b.disconnect()},[]),U(()=>{o.current&&(o.current.scrollTop=0),s(0)},[t]);const m=Math.max(0,Math.floor(a/Ae)-Tt),i=Math.min(u.length,Math.ceil((a+d)/Ae)+Tt);U(()=>{const g=new Set,b=Math.min(u.length,i+Hr);for(let $=m;$<b;$++){const S=u[$];S?.t==="more"&&!S.seg.loading&&!S.seg.error&&g.add(S.seg)}for(const $ of g)t.load($)});const p=r.baseline?2:1,f=[];for(let g=m;g<i;g++){const b=u[g];b&&f.push(n(Jr,{item:b,index:g,rowIndex:g+p+1,...e},b.key))}const v=g=>r.sort?.key===g?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(g,b,$,S="")=>n("div",{role:"columnheader",class:`th ${S}`,"aria-sort":v(g),"data-testid":"column-header","data-column":g,children:n("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(g),children:[n("span",{children:b}),n("span",{class:"arrow","aria-hidden":"true",children:v(g)==="ascending"?"▲":v(g)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+p,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:g=>s(g.currentTarget.scrollTop),style:{"--grid":c,"--table-w":`${h}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),br.map(g=>_("field:"+g.field,g.label,`Sort by ${g.label.toLowerCase()}`)),r.columns.map(g=>{const b=e.goals.get(g);return _(g,Re(g),`${g}${b?` (${b.toLowerCase()} is better)`:""}`,g.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(nn,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*Ae}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function Jr(e){const{item:t}=e,r={transform:`translateY(${e.index*Ae}px)`};if(t.t==="branch"){const o=t.seg,a=e.model.collapsedBranches.has(o.key),s=o.total===null?"…":String(o.total),d=e.project.branches.some(l=>l.name===o.branch&&l.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{a?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:a?"▸":"▾"}),n("strong",{children:o.label}),n("span",{class:"muted small",children:[s," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${o.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,o.error?n("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:t.seg.error?"tr more read-error":"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":t.seg.error?"read-error":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(nn,{...e,row:t.row,depth:t.depth,style:r})}class nn extends ve{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),Xr(this.props)}}function Xr(e){const{row:t,state:r,model:o}=e,a=tn(t),s=Mt(t),d=r.baseline?Mt(r.baseline):null,l=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),c=o.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:m=>e.onSelect(t.id,m.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!c,"aria-label":`${c?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{c?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:c?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),l?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(m=>n("span",{class:"chip tag",children:m},m))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:Lr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:oe(t.committedAt??t.createdAt),children:oe(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(m=>{const i=s.get(m),p=d?.get(m);let f=Le(i),v="td num",_;if(d&&!l&&typeof i=="number"&&typeof p=="number"){const g=i-p;r.deltas&&(f=tt(g));const b=e.goals.get(m);if(b&&g!==0){const $=b==="HIGHER"?g>0:g<0;v+=$?" better":" worse",_=`${$?"better":"worse"} than the baseline (${tt(g)})`}}return n("div",{role:"cell",class:v,title:_,"data-column":m,children:f},m)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function Qr(e){ge(e.model);const[t,r]=w(null),[o,a]=w(""),[s,d]=w(null),[l,u]=w(!1),[c,h]=w(null),[m,i]=w(null),[p,f]=w(!1),[v,_]=w(""),[g,b]=w(""),[$,S]=w(""),[T,D]=w(""),[z,J]=w("");if(U(()=>{N(Rn,{project:e.project,model:e.model}).then(k=>{if(!k.project?.model){u(!0);return}r(k.project.id),a(k.project.defaultBranch??""),d(k.project.model)}).catch(k=>{k instanceof we&&k.has("UNAUTHENTICATED")?u(!0):h(k)})},[e.project,e.model]),l)return n(Qt,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(c)return n(xe,{error:c});if(!s||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const X=async(k,E)=>{f(!0);try{const C=await k(),x=C.errors[0];x?i(`${x.code}: ${x.message}`):(C.model&&d(C.model),i(`${E}${C.tag?` (tag ${C.tag})`:""}`))}catch(C){i(C instanceof Error?C.message:String(C))}finally{f(!1)}},B={projectId:t,model:s.name},W=s.versions.filter(k=>k.registered),he=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Be(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[s.name," ",s.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[s.type??"model"," · ",s.path??"no path"," ",s.declaredIn?`· declared in ${s.declaredIn}`:""," · latest"," ",s.latestVersion?.version??"none"]}),s.description?n("p",{children:s.description}):null,s.registryError?n("div",{class:"notice error",children:s.registryError.message}):null,m?n("p",{class:"notice",role:"status","data-testid":"model-message",children:m}):null,n("h2",{children:"Stages"}),s.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:s.stages.map(k=>n("li",{"data-stage":k.stage,children:[n("strong",{children:k.stage}),": ",k.versions.map(E=>E.version).join(", ")]},k.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:s.versions.map(k=>n("tr",{"data-testid":"version","data-version":k.version,children:[n("th",{scope:"row",children:k.version}),n("td",{children:n("code",{children:k.commit.slice(0,7)})}),n("td",{children:k.stages.join(", ")}),n("td",{children:k.author}),n("td",{children:oe(k.createdAt)}),n("td",{children:k.active?"active":k.registered?"deregistered":"unregistered"})]},k.version))})]}),he?n("div",{class:"registry-forms",children:[n("form",{onSubmit:k=>{k.preventDefault(),X(async()=>(await N(Mn,{input:{...B,rev:v.trim()||o,version:g.trim()||null,bump:$||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:v,placeholder:o,onInput:k=>_(k.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:g,placeholder:"v1.2.3 (or bump)",onInput:k=>b(k.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:$,onChange:k=>S(k.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:p,children:"Register"})]})}),n("form",{onSubmit:k=>{k.preventDefault();const E={...B,version:T||(W[0]?.version??""),stage:z.trim()};X(async()=>(await N(An,{input:E})).assignStage,`Assigned ${E.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:T,onChange:k=>D(k.currentTarget.value),"data-testid":"stage-version",children:W.map(k=>n("option",{value:k.version,children:k.version},k.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:z,required:!0,onInput:k=>J(k.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:p||W.length===0,children:"Assign"}),n("button",{type:"button",disabled:p||W.length===0||!z.trim(),onClick:()=>{const k={...B,version:T||(W[0]?.version??""),stage:z.trim()};X(async()=>(await N(Pn,{input:k})).unassignStage,`Unassigned ${k.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:p||s.deprecated,onClick:()=>{confirm(`Deprecate ${s.name}? A new registry tag revives it.`)&&X(async()=>(await N(Nn,{input:B})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:s.history.map(k=>n("tr",{children:[n("td",{children:oe(k.createdAt)}),n("td",{children:k.kind.toLowerCase()}),n("td",{children:k.version??""}),n("td",{children:k.stage??""}),n("td",{children:k.author}),n("td",{children:n("code",{children:k.tag})})]},k.tag+k.kind))})]})]})}function Kr(e,t){return`${Be(e)}/models/${encodeURIComponent(t)}`}function Yr(e){ge("Models");const[t,r]=w(null),[o,a]=w(0),[s,d]=w(null),[l,u]=w(""),[c,h]=w(null),m=async(i,p)=>{try{const f=await N(Dn,{after:i,filter:p?{name:p}:null});r(v=>[...i&&v?v:[],...f.models.nodes]),a(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return U(()=>{const i=setTimeout(()=>{m(null,l.trim())},l?250:0);return()=>clearTimeout(i)},[l]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:l,onInput:i=>u(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(xe,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[o," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"model","data-model":i.name,children:[n("th",{scope:"row",children:[i.project?n("a",{href:Kr(i.project.name,i.name),children:i.name}):i.name,i.deprecated?n("span",{class:"chip",children:" deprecated"}):null,i.description?n("div",{class:"muted small",children:i.description}):null,i.registryError?n("div",{class:"sync-error",children:i.registryError.message}):null]}),n("td",{children:i.project?n("a",{href:Be(i.project.name),children:i.project.name}):"—"}),n("td",{children:i.latestVersion?n(ne,{children:[i.latestVersion.version," ",n("span",{class:"muted small",children:oe(i.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:i.stages.map(p=>n("span",{class:"chip tag",children:[p.stage,": ",p.versions.map(f=>f.version).join(", ")]},p.stage))}),n("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),s?n("button",{type:"button",onClick:()=>{m(s,l.trim())},children:"More models"}):null]})}const Zr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function eo(e){ge("Access tokens");const[t,r]=w(null),[o,a]=w(null),[s,d]=w(""),[l,u]=w(new Set(["READ","EXPERIMENTS"])),[c,h]=w(null),[m,i]=w(null),p=async()=>{try{const _=await N(tr,{});r(_.me.tokens)}catch(_){a(_)}};if(U(()=>{e.session&&p()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:Ie(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{h(null);try{const _=await N(nr,{input:{name:s.trim(),scopes:[...l]}}),g=_.createAccessToken.errors[0];if(g){i(`${g.code}: ${g.message}`);return}h(_.createAccessToken.token??null),i(null),d(""),await p()}catch(_){i(_ instanceof Error?_.message:String(_))}},v=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const b=(await N(rr,{id:_.id})).revokeAccessToken.errors[0];i(b?`${b.code}: ${b.message}`:`Revoked “${_.name}”`),await p()}catch(g){i(g instanceof Error?g.message:String(g))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),o?n(xe,{error:o}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:s,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),Zr.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:l.has(_),onChange:g=>{const b=new Set(l);g.currentTarget.checked?b.add(_):b.delete(_),u(b)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!s.trim()||l.size===0,children:"Create token"})]}),c?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:c})]})}):null,m?n("p",{class:"muted",role:"status",children:m}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:oe(_.createdAt)}),n("td",{children:oe(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{v(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]})]})}function to(e,t){if(e==="/"||e==="")return n(ar,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[a,s]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(Qr,{project:a,model:s,session:t},e)}const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const a=decodeURIComponent(o[1]);return n(Wr,{name:a,session:t},a)}return e==="/models"?n(Yr,{session:t}):e==="/settings/tokens"?n(eo,{session:t}):n(sr,{})}function no(){const e=In(),[t,r]=w({loaded:!1});U(()=>{Sn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,a=/^\/projects\/[^/]+\/models\//.test(e.path),s=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!a?"page":void 0:d==="/models"?e.path==="/models"||a?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":s("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":s("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":s("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?o?n(ne,{children:[n("span",{"data-testid":"user",children:o.user}),n("button",{type:"button",onClick:()=>{kn().then(()=>{location.assign(Ie("/"))})},children:"Sign out"})]}):n("a",{href:Ie(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?to(e.path,o):n("p",{class:"muted",children:"Loading…"})})]})}const Je=document.getElementById("app");Je&&(En(Je),un(n(no,{}),Je));
