<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="97" />
        <source>电子版</source>
        <translation>electronic</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="98" />
        <source>必须</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="98" />
        <source>视情况提供</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="103" />
        <source>核验身份时由读卡器读取；没有读卡器时也可以用高拍仪拍</source>
        <translation>Read by the card reader with the identity check; or photograph it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="105" />
        <source>已通过身份证读卡器读取</source>
        <translation>Read by the ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="106" />
        <source>在本机填写，不用另交</source>
        <translation>Filled in here, nothing to hand in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="107" />
        <source>已拍摄</source>
        <translation>Photographed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="108" />
        <source>稍后邮寄补交</source>
        <translation>Will be sent by post</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="109" />
        <source>还没有拍摄</source>
        <translation>Not photographed yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="109" />
        <source>如不需要可跳过</source>
        <translation>Skip it if it does not apply</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="125" />
        <source>身份已核验：%1</source>
        <translation>Identity verified: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="128" />
        <source>第一步：刷身份证，再看着摄像头核验本人</source>
        <translation>First: place your ID card on the reader, then look at the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="146" />
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="146" />
        <source>拍摄</source>
        <translation>Photograph</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="150" />
        <source>改为拍摄</source>
        <translation>Photograph instead</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="150" />
        <source>邮寄补交</source>
        <translation>Send by post</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="156" />
        <source>材料齐了，请点“下一步”填写信息</source>
        <translation>All materials are here: tap Next to fill in the form</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="158" />
        <source>请先核验身份</source>
        <translation>Please verify your identity first</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/apply.py" line="160" />
        <source>还有 %n 份必须的材料没有拍摄</source>
        <translation>
            <numerusform>%n required paper is not photographed yet</numerusform>
            <numerusform>%n required papers are not photographed yet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="176" />
        <source>按顺序完成下面几步，材料用高拍仪拍摄，不用复印</source>
        <translation>Complete these steps in order; papers are photographed, no copies needed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="177" />
        <source>需要的材料</source>
        <translation>Materials needed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="178" />
        <source>刷身份证并刷脸</source>
        <translation>ID card and face check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/apply.py" line="179" />
        <source>下一步：填写信息</source>
        <translation>Next: fill in the form</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>530 government services at Huangpu's 10 post offices, open at weekends too</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>Look up 1,304 services here; 824 of them can be done at this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>Social insurance, jobs, starting and running a company: done in one visit at the post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>Results can be sent home by EMS: no second trip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>Hong Kong and Macao residents can look up service guides here with their Home Return Permit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>Government services at your post office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="105" />
        <source>全部部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="135" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>Nothing found. Try other words, or call the 12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="137" />
        <source>找到的相关事项：</source>
        <translation>Services found:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="139" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>Popular services (search by name, pinyin or initials):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="141" />
        <source>第 %1 / %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>Type a service name, pinyin or initials, e.g. social security card, shebaoka, sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>‹ 上一页</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="188" />
        <source>下一页 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>打开键盘</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="254" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>Type what you need, or choose from the list</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <location filename="../../ui/screens/capture.py" line="307" />
        <source>居民身份证（人像面）</source>
        <translation>ID card (photo side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="308" />
        <source>居民身份证（国徽面）</source>
        <translation>ID card (emblem side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="309" />
        <source>营业执照</source>
        <translation>business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="310" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="316" />
        <source>请把身份证有照片的一面朝上，放到高拍仪下方</source>
        <translation>Place your ID card under the document camera, photo side up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="317" />
        <source>请把身份证有国徽的一面朝上，放到高拍仪下方</source>
        <translation>Place your ID card under the document camera, emblem side up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="318" />
        <source>请把营业执照正本或副本朝上，放到高拍仪下方</source>
        <translation>Place the business licence (original or duplicate) under the document camera, face up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="319" />
        <source>请把这份材料平放到高拍仪下方，字朝上</source>
        <translation>Lay this paper flat under the document camera, text up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="325" />
        <source>请把证件放到下方台面上</source>
        <translation>Place the document on the surface below</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="326" />
        <source>请把证件移近一些</source>
        <translation>Bring the document a little closer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="327" />
        <source>请把证件拿远一些</source>
        <translation>Move the document a little further away</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="328" />
        <source>请把证件往右移：左边出了画面</source>
        <translation>Move the document right: its left edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="329" />
        <source>请把证件往左移：右边出了画面</source>
        <translation>Move the document left: its right edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="330" />
        <source>请把证件往下移：上边出了画面</source>
        <translation>Move the document down: its top edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="331" />
        <source>请把证件往上移：下边出了画面</source>
        <translation>Move the document up: its bottom edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="332" />
        <source>请把证件放平，正对镜头</source>
        <translation>Lay the document flat, facing the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="333" />
        <source>有反光挡住文字，请把证件稍微倾斜</source>
        <translation>Glare hides some text: tilt the document slightly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="334" />
        <source>光线太暗，请换到亮一些的地方</source>
        <translation>Too dark: move to where it is brighter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="335" />
        <source>光线太强，请避开直射的灯光</source>
        <translation>Too bright: move out of direct light</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="336" />
        <source>画面模糊，请拿稳证件</source>
        <translation>The picture is blurred: hold the document still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="337" />
        <source>请保持不动</source>
        <translation>Hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="338" />
        <source>请保持不动，正在拍照……</source>
        <translation>Hold still, taking the picture…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="339" />
        <source>拍好了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="340" />
        <source>拍好了，正在识别，请稍候……</source>
        <translation>Picture taken. Reading it, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="341" />
        <source>没有识别成功，请重新放好证件</source>
        <translation>The document could not be read. Please place it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="347" />
        <source>四个角都要在画面里。放好后不要动，会自动拍照</source>
        <translation>All four corners must be in the picture. Then hold still: the picture is taken automatically</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="349" />
        <source>立即拍照</source>
        <translation>Take the picture now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="350" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="356" />
        <source>正在打开高拍仪……</source>
        <translation>Starting the document camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="357" />
        <source>高拍仪不可用，请到窗口办理或联系工作人员</source>
        <translation>The document camera is not available. Please go to a service window or ask the staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="358" />
        <source>高拍仪没有画面，请联系工作人员</source>
        <translation>The document camera shows no picture. Please ask the staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="432" />
        <source>没有自动拍照？放好证件后可以点“立即拍照”</source>
        <translation>No picture yet? Place the document and press "Take the picture now"</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../../ui/screens/confirm.py" line="78" />
        <source>办理事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="79" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="82" />
        <source>身份证读卡器读取</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="83" />
        <source>在本机填写</source>
        <translation>Filled in here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="84" />
        <source>已拍摄</source>
        <translation>Photographed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="85" />
        <source>稍后邮寄补交</source>
        <translation>Will be sent by post</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="109" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="112" />
        <source>填写的信息</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="134" />
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="140" />
        <source>提交没有成功，您填写的内容还在。请再点一次“确认提交”，或联系网点工作人员</source>
        <translation>Not submitted, but nothing you entered is lost. Tap Submit again or ask the staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="144" />
        <source>请确认以下内容</source>
        <translation>Please check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="145" />
        <source>修改材料</source>
        <translation>Change materials</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="146" />
        <source>修改信息</source>
        <translation>Change the form</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="147" />
        <source>重新签名</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="148" />
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="170" />
        <source>请核对办理事项、材料和填写的信息，无误后点“确认提交”</source>
        <translation>Check the service, materials and form, then tap Submit</translation>
    </message>
</context>
<context>
    <name>Consult</name>
    <message>
        <location filename="../../ui/consult.py" line="105" />
        <source>视频咨询</source>
        <translation>Video consultation</translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message>
        <location filename="../../ui/screens/consult.py" line="416" />
        <source>网络不稳定，正在重新连接，您的排队位置会保留</source>
        <translation>The network is unstable. Reconnecting; you keep your place in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="418" />
        <source>正在为您联系工作人员，请在屏幕前稍候</source>
        <translation>Finding a clerk for you. Please wait in front of the screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="420" />
        <source>您排在第 %1 位</source>
        <translation>You are number %1 in the queue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/consult.py" line="423" />
        <source>预计等待约 %n 分钟</source>
        <translation>
            <numerusform>Expected wait: about %n minute</numerusform>
            <numerusform>Expected wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="423" />
        <source>正在连接服务中心……</source>
        <translation>Connecting to the service centre…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="426" />
        <source>咨询事项：%1</source>
        <translation>About: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="431" />
        <source>工作人员 %1</source>
        <translation>Clerk %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="433" />
        <source>正在接通视频，请稍候……</source>
        <translation>Connecting the video, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="435" />
        <source>网络不稳定，正在重新连接……</source>
        <translation>The network is unstable. Reconnecting…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="437" />
        <source>工作人员暂时关闭了麦克风</source>
        <translation>The clerk has muted the microphone for now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="439" />
        <source>已接通，请看着屏幕说话</source>
        <translation>Connected. Look at the screen and speak</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="449" />
        <source>工作人员暂时关闭了摄像头</source>
        <translation>The clerk has turned the camera off for now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="453" />
        <source>正在接通视频……</source>
        <translation>Connecting the video…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="454" />
        <source>打开麦克风</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="454" />
        <source>关闭麦克风</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="455" />
        <source>打开摄像头</source>
        <translation>Camera on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="455" />
        <source>关闭摄像头</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="473" />
        <source>工作人员发来的内容（点一下即可关闭）</source>
        <translation>Sent by the clerk (tap to close)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="477" />
        <source>工作人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="477" />
        <source>您自己的画面</source>
        <translation>Your picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="486" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="490" />
        <source>即办（当场办结）</source>
        <translation>Same day (done on the spot)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/consult.py" line="490" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="492" />
        <source>需要带的材料</source>
        <translation>Materials to bring</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="492" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="493" />
        <source>去哪里办</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="494" />
        <source>多久办好</source>
        <translation>How long it takes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="495" />
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="506" />
        <source>暂时无法视频咨询</source>
        <translation>Video consultation is not available right now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="506" />
        <source>通话已结束</source>
        <translation>The call has ended</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="509" />
        <source>本机暂未开通视频咨询。</source>
        <translation>This terminal does not offer video consultation yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="511" />
        <source>暂时连接不上服务中心，请稍后再试。</source>
        <translation>The service centre cannot be reached at the moment. Please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="513" />
        <source>您已退出排队。</source>
        <translation>You left the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="515" />
        <source>通话中断了，您可以再次咨询。</source>
        <translation>The call was cut off. You can ask again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="517" />
        <source>您已挂断通话。</source>
        <translation>You ended the call.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="519" />
        <source>感谢您的咨询，请按工作人员的指引继续办理。</source>
        <translation>Thank you. Please continue as the clerk advised.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="538" />
        <source>摄像头已关闭</source>
        <translation>Camera is off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="545" />
        <source>视频咨询</source>
        <translation>Video consultation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="546" />
        <source>工作人员将看到这样的画面</source>
        <translation>This is what the clerk will see</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="547" />
        <source>通话不会录像；如需录像，会先征得您的同意。</source>
        <translation>The call is not recorded. If the clerk wants to record it, you will be asked first.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="548" />
        <source>退出排队</source>
        <translation>Leave the queue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="549" />
        <source>挂断</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="550" />
        <source>停止录像</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="551" />
        <source>正在录像</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="552" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="553" />
        <source>工作人员请求录像</source>
        <translation>The clerk asks to record this call</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="555" />
        <source>录像仅用于核对本次办理，由服务中心保存。不同意也可以继续咨询，同意后也可以随时停止。</source>
        <translation>The recording is only used to check this service and is kept by the service centre. You can say no and still talk with the clerk; if you say yes, you can stop it at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="557" />
        <source>同意录像</source>
        <translation>Yes, record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="558" />
        <source>不同意</source>
        <translation>No, do not record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="559" />
        <source>结束与工作人员的通话？</source>
        <translation>End the call with the clerk?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="560" />
        <source>离开这一页会挂断视频通话。</source>
        <translation>Leaving this page hangs up the video call.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="561" />
        <source>继续通话</source>
        <translation>Keep talking</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="562" />
        <source>挂断并离开</source>
        <translation>Hang up and leave</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="563" />
        <source>再次咨询</source>
        <translation>Ask again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="563" />
        <source>重新排队联系工作人员</source>
        <translation>Queue again for a clerk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="564" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="565" />
        <source>也可以拨打12345政务服务热线咨询</source>
        <translation>You can also call the 12345 government service hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consult.py" line="566" />
        <location filename="../../ui/screens/consult.py" line="567" />
        <source>正在打开摄像头……</source>
        <translation>Turning the camera on…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>终端编号：</source>
        <translation>Terminal ID: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>服务网点：</source>
        <translation>Service point: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="526" />
        <source>事项目录版本：</source>
        <translation>Catalog version: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="538" />
        <source>软件版本：</source>
        <translation>Software: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="539" />
        <source>配置来源：</source>
        <translation>Configuration: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="530" />
        <source>设备驱动：</source>
        <translation>Device drivers: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>语音播报：</source>
        <translation>Voice guidance: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>可用</source>
        <translation>available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="341" />
        <location filename="../../ui/screens/diagnostics.py" line="413" />
        <location filename="../../ui/screens/diagnostics.py" line="477" />
        <location filename="../../ui/screens/diagnostics.py" line="531" />
        <source>不可用</source>
        <translation>not available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="224" />
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="226" />
        <source>指静脉仪</source>
        <translation>Finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="243" />
        <source>正在检测设备……</source>
        <translation>Checking devices…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="246" />
        <location filename="../../ui/screens/diagnostics.py" line="522" />
        <location filename="../../ui/screens/diagnostics.py" line="529" />
        <source>检测中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="249" />
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="259" />
        <source>未启用（保存为 PDF）</source>
        <translation>off (PDF kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>未安装</source>
        <translation>Not installed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="297" />
        <source>（选配）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>必需设备均正常</source>
        <translation>All required devices are working</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>必需设备故障：</source>
        <translation>Required device failing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="328" />
        <source>（将保存为 PDF）</source>
        <translation> (PDF will be kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="345" />
        <source>测试中</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="355" />
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="355" />
        <location filename="../../ui/screens/diagnostics.py" line="484" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="361" />
        <source>请把身份证放在阅读器上</source>
        <translation>Place an ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="370" />
        <source>正在打印测试页</source>
        <translation>Printing the test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="380" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>Scan any code within %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="386" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>Playing a 1000 Hz test tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="391" />
        <source>播放并录音</source>
        <translation>Playing and recording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="400" />
        <source>请把手指放在指静脉仪上</source>
        <translation>Place a finger on the finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="418" />
        <source>正在连接摄像头……</source>
        <translation>Connecting to the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="441" />
        <source>预览中</source>
        <translation>Previewing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="446" />
        <source>太暗</source>
        <translation>too dark</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="447" />
        <source>过亮</source>
        <translation>too bright</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="448" />
        <source>未对焦</source>
        <translation>out of focus</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="449" />
        <source>良好</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="452" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>Brightness %1 · focus %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="463" />
        <location filename="../../ui/screens/diagnostics.py" line="610" />
        <source>摄像头预览未开启</source>
        <translation>Camera preview is off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="527" />
        <source>目录更新：</source>
        <translation>Catalog update: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="528" />
        <source>服务中枢：</source>
        <translation>Service hub: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="529" />
        <source>A4 打印：</source>
        <translation>A4 printing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>拼音输入词库：</source>
        <translation>Pinyin dictionary: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>已加载</source>
        <translation>loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="532" />
        <source>未加载</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="533" />
        <source>已结束会话数：</source>
        <translation>Sessions ended: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="534" />
        <source>磁盘可用：</source>
        <translation>Disk free: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="535" />
        <source>内存可用：</source>
        <translation>Memory available: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="536" />
        <source>CPU 温度：</source>
        <translation>CPU temperature: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="536" />
        <source>无传感器</source>
        <translation>no sensor</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="537" />
        <source>运行时间：</source>
        <translation>Running for: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="590" />
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="591" />
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="592" />
        <source>最近日志（不含个人信息）</source>
        <translation>Recent log (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="593" />
        <source>麦克风电平</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="596" />
        <source>读卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="597" />
        <source>打印测试页</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="598" />
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="599" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="600" />
        <source>测试音</source>
        <translation>Tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="601" />
        <source>电平</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="602" />
        <source>回环</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="603" />
        <source>采集</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="220" />
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="221" />
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="222" />
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="223" />
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="225" />
        <source>扬声器和麦克风</source>
        <translation>Speaker and microphone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="298" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="285" />
        <location filename="../../ui/screens/diagnostics.py" line="298" />
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="549" />
        <source>（暂无日志）</source>
        <translation>(no log yet)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="566" />
        <source>正在导出报告……</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="574" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>报告已导出：</source>
        <translation>Report exported: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="588" />
        <source>退出诊断</source>
        <translation>Leave diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="589" />
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/screens/confirm.py" line="228" />
        <source>办件编号：%1</source>
        <translation>Tracking number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="230" />
        <source>结果将通过 EMS 寄到：%1</source>
        <translation>The result will be sent by EMS to: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="232" />
        <source>办结后请凭回执到窗口领取结果</source>
        <translation>Collect the result at the counter with this receipt when it is ready</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="234" />
        <source>即办</source>
        <translation>same day</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/confirm.py" line="234" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="236" />
        <source>办理事项：%1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="237" />
        <source>承诺时限：%1，预计 %2 前办结</source>
        <translation>Time limit: %1, expected by %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="239" />
        <source>可扫描回执上的二维码，或拨打 12345 查询进度</source>
        <translation>Scan the QR code on the receipt or call 12345 to follow it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="246" />
        <source>回执已打印，请在出纸口取走</source>
        <translation>Receipt printed: please take it from the slot</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="248" />
        <source>打印机暂不可用：请用手机拍下办件编号，或扫描右侧二维码</source>
        <translation>The printer is unavailable: photograph the tracking number or scan the QR code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="253" />
        <source>申请已提交</source>
        <translation>Application submitted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="254" />
        <source>扫码查询办理进度</source>
        <translation>Scan to follow your application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="255" />
        <source>再打印一张回执</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="256" />
        <source>预约上门收取材料</source>
        <translation>Book a pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="257" />
        <source>完成，退出</source>
        <translation>Done, finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/confirm.py" line="288" />
        <source>申请已提交，请取走回执。回执上有办件编号和查询二维码</source>
        <translation>Your application is submitted. Please take the receipt: it has the tracking number and a QR code</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>Your information has been cleared. Please start again, or ask the staff at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>Sorry, something went wrong. Please start again</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../../ui/screens/face.py" line="191" />
        <source>请把身份证放在读卡器上</source>
        <translation>Please place your ID card on the card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="192" />
        <source>正在读取身份证，请不要移开……</source>
        <translation>Reading the ID card, please leave it in place…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="193" />
        <source>正在准备证件照片，请稍候……</source>
        <translation>Preparing the ID card photo, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="194" />
        <source>请看着屏幕，把脸放进框里</source>
        <translation>Please look at the screen and put your face in the oval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="195" />
        <source>请一个人站在镜头前</source>
        <translation>Only one person in front of the camera, please</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="196" />
        <source>请靠近一些</source>
        <translation>Please come a little closer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="197" />
        <source>请稍微往后站</source>
        <translation>Please step back a little</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="198" />
        <source>请把脸移到框的中间</source>
        <translation>Please move your face to the middle of the oval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="199" />
        <source>请正对屏幕</source>
        <translation>Please face the screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="200" />
        <source>脸部太暗，请站到亮一些的地方</source>
        <translation>Your face is too dark: please step into the light</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="201" />
        <source>脸部光线太强</source>
        <translation>Too much light on your face</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="202" />
        <source>请保持不动</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="203" />
        <source>很好，请保持不动</source>
        <translation>Good, please hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="204" />
        <source>请眨眨眼</source>
        <translation>Please blink</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="205" />
        <source>请慢慢向左转头</source>
        <translation>Please turn your head slowly to the left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="206" />
        <source>请慢慢向右转头</source>
        <translation>Please turn your head slowly to the right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="207" />
        <source>请慢慢点头</source>
        <translation>Please nod slowly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="208" />
        <source>核验通过</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="209" />
        <source>人脸与身份证照片不一致</source>
        <translation>Your face does not match the ID card photo</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="210" />
        <source>没有看到要求的动作</source>
        <translation>The requested movement was not seen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="211" />
        <source>没有通过活体检测，请本人正对镜头</source>
        <translation>The liveness check failed: please face the camera yourself</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="212" />
        <source>请本人正对镜头，不要使用照片或屏幕</source>
        <translation>Please face the camera yourself, not a photo or a screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="213" />
        <source>检测过程中换了人</source>
        <translation>A different person appeared during the check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="214" />
        <source>无法使用这张身份证的照片</source>
        <translation>The photo on this ID card cannot be used</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="215" />
        <source>没有读到身份证，请重新放好</source>
        <translation>The ID card was not read: please place it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="216" />
        <source>摄像头不可用</source>
        <translation>The camera is not available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="221" />
        <source>刷脸核验身份</source>
        <translation>Verify identity by face</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="223" />
        <source>再试一次</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="224" />
        <source>视频连线工作人员</source>
        <translation>Video call with a clerk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="225" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="226" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="404" />
        <source>正在打开摄像头……</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="367" />
        <source>摄像头没有画面，请联系工作人员</source>
        <translation>The camera shows no picture: please ask a member of staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="390" />
        <source>还剩 %1 秒</source>
        <translation>%1 s left</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/face.py" line="411" />
        <source>还可以再试 %n 次</source>
        <translation>
            <numerusform>%n more tries</numerusform>
            <numerusform>%n more tries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="413" />
        <source>请到人工窗口，或在这里视频连线工作人员核验身份</source>
        <translation>Please go to the counter, or talk with a clerk by video here to verify your identity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="415" />
        <source>请到人工窗口，工作人员会帮您核验身份</source>
        <translation>Please go to the counter: a clerk will verify your identity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="417" />
        <source>已确认是您本人</source>
        <translation>Your identity is confirmed</translation>
    </message>
</context>
<context>
    <name>FieldWords</name>
    <message>
        <location filename="../../ui/screens/form.py" line="36" />
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="37" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="38" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="39" />
        <source>经办人姓名</source>
        <translation>Name of the person handling it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="40" />
        <source>经办人身份证号码</source>
        <translation>ID number of the person handling it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="41" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="42" />
        <source>邮寄地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="43" />
        <source>结果领取方式</source>
        <translation>How to receive the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="44" />
        <source>申请人姓名</source>
        <translation>Applicant's name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="45" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="46" />
        <source>变更事项及变更后内容</source>
        <translation>What changes, and the new content</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="47" />
        <source>收款银行账号</source>
        <translation>Bank account for payment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="48" />
        <source>遗失或损坏情况说明</source>
        <translation>How it was lost or damaged</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="49" />
        <source>EMS邮寄</source>
        <translation>By EMS post</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="50" />
        <source>窗口自取</source>
        <translation>Collect at the counter</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="175" />
        <source>这一项必须填写</source>
        <translation>This is required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="176" />
        <source>身份证号码应为18位，最后一位可以是X</source>
        <translation>An ID number has 18 characters; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="177" />
        <source>身份证号码有一位不对，请逐位核对</source>
        <translation>One digit of the ID number is wrong: please check each digit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="178" />
        <source>统一社会信用代码有误，请对照营业执照逐位核对</source>
        <translation>The credit code is wrong: compare it with the licence character by character</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="179" />
        <source>请填写11位手机号码，或带区号的固定电话</source>
        <translation>Enter an 11-digit mobile number, or a landline with its area code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="180" />
        <source>请按“年-月-日”填写日期，例如 2024-05-01</source>
        <translation>Enter the date as year-month-day, e.g. 2024-05-01</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="181" />
        <source>日期不能晚于今天</source>
        <translation>The date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="182" />
        <source>请只填写数字</source>
        <translation>Digits only, please</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="183" />
        <source>请点选一项</source>
        <translation>Please choose one</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="184" />
        <source>内容太长了，请精简</source>
        <translation>This is too long, please shorten it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="185" />
        <source>地址不完整，请写到门牌号</source>
        <translation>The address is incomplete: include the house number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="186" />
        <source>含有无法识别的字符，请重新输入</source>
        <translation>Contains characters that cannot be used, please type it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="187" />
        <source>这一项填写有误</source>
        <translation>This entry is not right</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/form.py" line="258" />
        <source>还有 %n 项需要修改，已用红框标出</source>
        <translation>
            <numerusform>%n field needs changing (outlined in red)</numerusform>
            <numerusform>%n fields need changing (outlined in red)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="278" />
        <source>已根据身份证和证照自动填写，请核对；带 * 的必须填写</source>
        <translation>Filled in from your ID card and licence: please check. Fields with * are required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="279" />
        <source>下一步：签名</source>
        <translation>Next: sign</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="281" />
        <location filename="../../ui/screens/form.py" line="293" />
        <source>填写申请信息</source>
        <translation>Fill in the application</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>Guides for all 1,304 services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824 services you can do here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>Video help</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>Talk to a clerk by video</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>Home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>A postal officer collects your documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>Track an application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>See how your application is going</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>Enrolment, payments, benefits, cards</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>Instant approval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>Approved at once when eligible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>Greater Bay Area services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>Services across the Bay Area</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>Guangdong portal: Huangpu hall</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>Guangdong government services online</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>Online intermediary market</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>Intermediary services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>Yueshengshi</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>Guangdong public services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>More services ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ Main services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the government service terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>In %1 seconds this session ends and everything you entered is cleared</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>识别营业执照</source>
        <translation>Read my business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>营业执照正本或副本，放到高拍仪下即可</source>
        <translation>Original or duplicate: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="137" />
        <location filename="../../ui/screens/item.py" line="138" />
        <source>识别证件</source>
        <translation>Read my ID card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="137" />
        <source>居民身份证国徽面，放到高拍仪下即可</source>
        <translation>Emblem side: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="138" />
        <source>居民身份证人像面，放到高拍仪下即可</source>
        <translation>Photo side: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="143" />
        <source>居民身份证（人像面）</source>
        <translation>ID card (photo side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="144" />
        <source>居民身份证（国徽面）</source>
        <translation>ID card (emblem side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="145" />
        <source>营业执照</source>
        <translation>business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="168" />
        <source>刷脸核验身份</source>
        <translation>Face check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="168" />
        <source>身份证放到读卡器上，再看着摄像头</source>
        <translation>ID card on the reader, then look at the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="175" />
        <source>%1已识别并核对</source>
        <translation>%1: read and checked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="180" />
        <source>身份已核验</source>
        <translation>Identity verified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="185" />
        <source>即办（当场办结）</source>
        <translation>Same day (done on the spot)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="185" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>电子版</source>
        <translation>electronic</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="193" />
        <source>本机自助办理</source>
        <translation>At this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="194" />
        <source>邮政网点窗口办理</source>
        <translation>At a post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="195" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>Online (Guangdong government portal, Yueshengshi)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="196" />
        <source>政务服务中心窗口办理</source>
        <translation>At the government service centre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="197" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>Home pickup of documents by a postal officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="199" />
        <source>个人和企业</source>
        <translation>Individuals and businesses</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="207" />
        <source>必须</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="207" />
        <source>视情况提供</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="210" />
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="213" />
        <source>需要带的材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="214" />
        <source>去哪里办</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="216" />
        <source>多久办好</source>
        <translation>How long it takes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="218" />
        <source>承诺时限：</source>
        <translation>Promised: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="219" />
        <source>法定时限：</source>
        <translation>Legal limit: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="222" />
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="223" />
        <source>可以怎么办</source>
        <translation>Ways to apply</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="224" />
        <source>办理步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="225" />
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="226" />
        <source>服务对象与部门</source>
        <translation>For whom, and which department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="227" />
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="234" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>Your guide is printed: please take it from the slot below</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="236" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>The printer is not available: scan the QR code above to keep the guide on your phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="241" />
        <source>手机扫码，把指南带走</source>
        <translation>Scan to take this guide with you</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="242" />
        <source>在本机申请办理</source>
        <translation>Apply here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="242" />
        <source>刷身份证、拍材料、签名，当场提交</source>
        <translation>ID card, photos of your papers, signature: submitted here and now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="243" />
        <source>打印办事指南</source>
        <translation>Print this guide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="244" />
        <source>预约上门收件</source>
        <translation>Book home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="244" />
        <source>邮政人员到家里收取材料</source>
        <translation>A postal officer collects your documents at home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="245" />
        <source>视频咨询工作人员</source>
        <translation>Talk with a clerk by video</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="246" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>For help, call the 12345 government hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="286" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>This is the service guide. Please bring the documents listed. You can print it, or scan the QR code to take it with you</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <location filename="../../ui/journey.py" line="64" />
        <source>申请办理</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="65" />
        <source>填写信息</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="66" />
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="67" />
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/journey.py" line="68" />
        <source>提交成功</source>
        <translation>Submitted</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>证件识别</source>
        <translation>Read a document</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>核对信息</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>身份核验</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>网上服务</source>
        <translation>Online services</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>技术人员入口</source>
        <translation>Technician access</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <source>终端诊断</source>
        <translation>Terminal diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222" />
        <source>办件查询</source>
        <translation>Track an application</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223" />
        <source>预约上门</source>
        <translation>Home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
</context>
<context>
    <name>PickupScreen</name>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="219" />
        <source>后天</source>
        <translation>In 2 days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="224" />
        <source>%1月%2日</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="237" />
        <source>%1（%2）%3</source>
        <translation>%2 %1, %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="245" />
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="246" />
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="246" />
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="252" />
        <source>联系人</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="253" />
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="254" />
        <source>上门地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="260" />
        <source>邮政人员上门时找谁</source>
        <translation>Who the postal officer asks for</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="261" />
        <source>11 位手机号码，邮政人员出发前会打电话</source>
        <translation>11-digit mobile number. The officer calls before coming</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="262" />
        <source>写到门牌号，例如：开发大道 188 号 3 栋 502 房</source>
        <translation>Down to the door number, e.g. 开发大道 188 号 3 栋 502 房</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="268" />
        <source>请填写联系人</source>
        <translation>Please enter a contact name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="269" />
        <source>名字太长了</source>
        <translation>The name is too long</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="270" />
        <source>请填写手机号码</source>
        <translation>Please enter a mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="271" />
        <source>手机号码应为 11 位数字，以 1 开头</source>
        <translation>A mobile number has 11 digits and starts with 1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="272" />
        <source>请填写上门地址</source>
        <translation>Please enter the address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="273" />
        <source>地址太简单，请写到门牌号</source>
        <translation>Please give the address down to the door number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="274" />
        <source>地址太长了</source>
        <translation>The address is too long</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="275" />
        <source>上门收件只在黄埔区内，这个地址不在黄埔区</source>
        <translation>Home pickup is only in Huangpu District. This address is outside it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="281" />
        <source>这个时间刚刚约满了，请另选一个时间。</source>
        <translation>This time has just been fully booked. Please choose another time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="282" />
        <source>这个时间已经不能预约了，请另选一个时间。</source>
        <translation>This time can no longer be booked. Please choose another time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="284" />
        <source>没有预约成功：暂时连不上预约系统，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。</source>
        <translation>Not booked: the booking system cannot be reached, so nothing has been booked. Please try again later, or call %1 (China Post) to book.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="286" />
        <source>没有预约成功，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。</source>
        <translation>Not booked: nothing has been booked. Please try again later, or call %1 (China Post) to book.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="290" />
        <source>暂时连不上预约系统，现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。</source>
        <translation>The booking system cannot be reached, so free times cannot be shown. Press "Try again" later, or call %1 (China Post) to book.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="292" />
        <source>现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。</source>
        <translation>Free times cannot be shown now. Press "Try again" later, or call %1 (China Post) to book.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="299" />
        <source>预约邮政人员上门收件</source>
        <translation>Book a home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="300" />
        <source>① 选哪一天</source>
        <translation>① Choose a day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="301" />
        <source>② 选几点钟</source>
        <translation>② Choose a time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="302" />
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="303" />
        <location filename="../../ui/screens/pickup.py" line="341" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="304" />
        <source>③ 填写联系方式</source>
        <translation>③ Your contact details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="305" />
        <source>改时间</source>
        <translation>Change time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="306" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="307" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="308" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="309" />
        <source>预约成功</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="310" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="311" />
        <source>打印预约单</source>
        <translation>Print booking note</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="320" />
        <source>请选择邮政人员上门的日期和时间，然后点“下一步”</source>
        <translation>Choose the day and time for the postal officer to come, then press "Next"</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="322" />
        <source>请填写联系人、手机号码和上门地址，然后点“确认预约”</source>
        <translation>Enter the contact name, mobile number and address, then press "Confirm booking"</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="342" />
        <location filename="../../ui/screens/pickup.py" line="429" />
        <location filename="../../ui/screens/pickup.py" line="621" />
        <source>上门时间：%1</source>
        <translation>Visit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="348" />
        <source>（点这里填写）</source>
        <translation>(tap to fill in)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="349" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="354" />
        <source>点这里修改</source>
        <translation>Tap to change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="358" />
        <source>正在预约，请稍候……</source>
        <translation>Booking, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="358" />
        <source>确认预约</source>
        <translation>Confirm booking</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/pickup.py" line="399" />
        <source>剩 %n 个</source>
        <translation>
            <numerusform>%n place left</numerusform>
            <numerusform>%n places left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="399" />
        <source>已约满</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="407" />
        <source>正在查询可以预约的时间……</source>
        <translation>Looking up free times…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="409" />
        <source>请先选一天</source>
        <translation>Choose a day first</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="413" />
        <source>这一天已经约满或已过了预约时间，请另选一天</source>
        <translation>This day is fully booked or too late to book. Please choose another day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="425" />
        <location filename="../../ui/screens/pickup.py" line="620" />
        <source>邮政人员将在 %1 前上门</source>
        <translation>A postal officer will come before %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="428" />
        <location filename="../../ui/screens/pickup.py" line="619" />
        <source>预约号：%1</source>
        <translation>Booking number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="430" />
        <location filename="../../ui/screens/pickup.py" line="622" />
        <source>上门地址：%1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="431" />
        <location filename="../../ui/screens/pickup.py" line="623" />
        <source>联系人：%1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="432" />
        <location filename="../../ui/screens/pickup.py" line="624" />
        <source>办理事项：%1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="436" />
        <source>请提前准备好办事指南上列出的材料。要改时间或取消，请拨打 %1。</source>
        <translation>Please have the documents listed in the guide ready. To change or cancel, call %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="617" />
        <source>上门收件预约单</source>
        <translation>Home pickup booking</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="626" />
        <source>改时间或取消请拨打 %1</source>
        <translation>To change or cancel, call %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="632" />
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="638" />
        <source>预约单已打印，请在出纸口取走</source>
        <translation>Booking note printed. Please take it from the slot</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pickup.py" line="640" />
        <source>打印机暂时不能用，请记下预约号，或用手机拍下本页</source>
        <translation>The printer is not available. Please note the booking number, or take a photo of this page</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>No technician PIN is set</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>Too many wrong PINs: try again in %1 seconds</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>Wrong PIN: %1 tries left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>Technician access: enter the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="171" />
        <source>返回首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="176" />
        <source>上一页</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="233" />
        <location filename="../../ui/portal.py" line="327" />
        <location filename="../../ui/portal.py" line="331" />
        <source>该网页不在本服务范围内</source>
        <translation>This page is outside this service</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="323" />
        <source>本机不提供文件下载</source>
        <translation>Downloads are not available on this terminal</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="196" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="197" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="198" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="199" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="200" />
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="201" />
        <source>成立日期</source>
        <translation>Date of establishment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="202" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="206" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="207" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="208" />
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="209" />
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="210" />
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="211" />
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="212" />
        <source>签发机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="213" />
        <source>有效期自</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="214" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="221" />
        <source>没有读出内容</source>
        <translation>nothing could be read</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="222" />
        <source>字迹不够清楚，可能读错</source>
        <translation>not clear enough, it may be read wrongly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="223" />
        <source>号码的位数或格式不对</source>
        <translation>the number has the wrong length or form</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="224" />
        <source>号码最后一位的校验不通过</source>
        <translation>the last digit of the number does not check out</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="225" />
        <source>号码里的出生日期与证件上的不一致</source>
        <translation>the birth date in the number differs from the one printed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="226" />
        <source>号码与性别不一致</source>
        <translation>the number does not match the sex</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="227" />
        <source>号码开头的地区代码不存在</source>
        <translation>the area code at the start of the number does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="228" />
        <source>代码的格式或校验位不对</source>
        <translation>the code's form or check character is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="229" />
        <source>应为“男”或“女”</source>
        <translation>should be 男 (male) or 女 (female)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="230" />
        <source>不是56个民族之一</source>
        <translation>not one of the 56 ethnic groups</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="231" />
        <source>不是有效的日期，请按 1980-01-31 的格式填写</source>
        <translation>not a valid date: please write it like 1980-01-31</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="232" />
        <source>有效期限不符合规定</source>
        <translation>the period of validity is not one the rules allow</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="233" />
        <source>内容不符合证件的编排规则</source>
        <translation>it does not follow the document's rules</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="234" />
        <source>日期不能晚于今天</source>
        <translation>the date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="235" />
        <source>有形近的字</source>
        <translation>a character may be one that looks like it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="236" />
        <source>姓氏不常见</source>
        <translation>an unusual surname</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="237" />
        <source>街道或道路名已按地名库更正</source>
        <translation>the street or road was corrected from the list of places</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="238" />
        <source>地址末尾可能缺字</source>
        <translation>the end of the address may be missing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="239" />
        <source>名称应以“有限公司”等组织形式结尾</source>
        <translation>a company's name ends with its form, such as 有限公司</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="240" />
        <source>可能读错</source>
        <translation>it may be read wrongly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="245" />
        <source>这是证件的另一面，请翻过来后重拍</source>
        <translation>This is the other side of the card: turn it over and take the picture again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="246" />
        <source>这可能不是要求的证件，请检查后重拍</source>
        <translation>This may not be the document asked for. Please check and take the picture again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="247" />
        <source>这看起来是复印件，请使用证件原件</source>
        <translation>This looks like a photocopy. Please use the original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="248" />
        <source>这看起来是屏幕上的照片，请使用证件原件</source>
        <translation>This looks like a picture on a screen. Please use the original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="249" />
        <source>证件有反光，部分文字可能没读准，请仔细核对</source>
        <translation>Glare on the document: some text may be read wrongly, please check carefully</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="250" />
        <source>照片有些模糊，请仔细核对，或者重拍</source>
        <translation>The picture is a little blurred: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="251" />
        <source>照片偏暗，请仔细核对，或者重拍</source>
        <translation>The picture is dark: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="252" />
        <source>照片过亮，请仔细核对，或者重拍</source>
        <translation>The picture is too bright: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="257" />
        <source>请核对识别结果</source>
        <translation>Please check what was read</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="258" />
        <source>标有 ⚠ 的项目请逐一核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>Check each item marked ⚠: press "Correct" if it is right, or press the text to change it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="259" />
        <source>重拍</source>
        <translation>Take again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="260" />
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="261" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="262" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="263" />
        <source>也可能是（点一下即可选用）：</source>
        <translation>It may also be (press one to use it):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="272" />
        <source>请核对识别结果。有 %n 项需要核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>
            <numerusform>Please check what was read. %n item needs checking: press "Correct" if it is right, or press the text to change it</numerusform>
            <numerusform>Please check what was read. %n items need checking: press "Correct" if they are right, or press the text to change them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="273" />
        <source>请核对识别结果，没有问题就点“确认”</source>
        <translation>Please check what was read, then press "Confirm"</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="306" />
        <source>请核对：%1</source>
        <translation>Please check: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="324" />
        <source>请看照片是否完整、清楚，再点“确认”；不清楚就重拍</source>
        <translation>Check that the photo is complete and sharp, then tap Confirm; retake it if not</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="390" />
        <source>修改：%1</source>
        <translation>Change: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="391" />
        <source>识别结果：%1</source>
        <translation>Read as: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="307" />
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="308" />
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="313" />
        <location filename="../../ui/screens/review.py" line="391" />
        <source>（没有读出）</source>
        <translation>(nothing read)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="315" />
        <source>正确</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="316" />
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="328" />
        <source>还有 %n 项需要核对</source>
        <translation>
            <numerusform>%n item still to check</numerusform>
            <numerusform>%n items still to check</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="330" />
        <source>都核对好了，请点“确认”</source>
        <translation>All checked: please press "Confirm"</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../../ui/screens/sign.py" line="26" />
        <source>请在此处用手指签名</source>
        <translation>Sign here with your finger</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="53" />
        <source>请先在白色区域签名</source>
        <translation>Please sign in the white area first</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="54" />
        <source>签名太小了，请写大一些</source>
        <translation>The signature is too small, please write larger</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="55" />
        <source>请写出完整的姓名</source>
        <translation>Please write your full name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="56" />
        <source>请重新签名</source>
        <translation>Please sign again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="73" />
        <source>签名确认</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="75" />
        <source>本人承诺所填信息和提交的材料真实、有效，如有不实，愿承担相应法律责任。请在下方签名：</source>
        <translation>I declare that the information and materials I submit are true and valid, and accept legal responsibility if they are not. Please sign below:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="77" />
        <source>全部清除</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="78" />
        <source>撤销一笔</source>
        <translation>Undo a stroke</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="79" />
        <source>确认签名</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="96" />
        <source>请阅读承诺内容，然后用手指在白色区域写下您的姓名</source>
        <translation>Read the declaration, then write your name in the white area with your finger</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/status.py" line="244" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="245" />
        <location filename="../../ui/screens/status.py" line="266" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="246" />
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="247" />
        <location filename="../../ui/screens/status.py" line="269" />
        <source>需要补充材料</source>
        <translation>More documents needed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="248" />
        <location filename="../../ui/screens/status.py" line="272" />
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="249" />
        <location filename="../../ui/screens/status.py" line="274" />
        <source>未通过审核</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="250" />
        <location filename="../../ui/screens/status.py" line="277" />
        <source>结果已寄出</source>
        <translation>Result sent by post</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="251" />
        <source>结果已领取</source>
        <translation>Result collected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="257" />
        <source>出审核结果</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="259" />
        <source>寄出办理结果</source>
        <translation>Result sent to you</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="265" />
        <source>已提交，等待受理</source>
        <translation>Submitted, waiting to be accepted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="265" />
        <source>您的申请已送达，工作人员会尽快受理。</source>
        <translation>Your application has arrived. Staff will accept it soon.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="266" />
        <source>工作人员已接收您的申请，马上开始审核。</source>
        <translation>Staff have accepted your application and will review it next.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="267" />
        <source>正在审核</source>
        <translation>Being reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="267" />
        <source>工作人员正在审核您的材料，请耐心等待。</source>
        <translation>Staff are reviewing your documents. Please wait.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="270" />
        <source>请把下面列出的材料寄到指定地址，收到后会继续审核。</source>
        <translation>Please post the documents listed below to the address given. The review continues when they arrive.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="272" />
        <source>您的申请已通过，办理结果将寄给您。</source>
        <translation>Your application was approved. The result will be sent to you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="275" />
        <source>很抱歉，您的申请没有通过。可拨打 12345 咨询原因和下一步怎么办。</source>
        <translation>Sorry, your application was not approved. Call 12345 to ask why and what to do next.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="277" />
        <source>办理结果已通过 EMS 寄出，请留意查收。</source>
        <translation>The result has been sent by EMS. Please look out for it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278" />
        <source>办理结果已领取，这件事已经办完。</source>
        <translation>The result has been collected. This application is complete.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="284" />
        <source>请输入回执上的受理编号</source>
        <translation>Please enter the tracking number from your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="285" />
        <source>受理编号是 HP 加 17 位数字，请对照回执再看一下</source>
        <translation>The tracking number is HP and 17 digits. Please check it against your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="286" />
        <source>受理编号有一位不对，请对照回执逐位核对</source>
        <translation>One digit of the tracking number is wrong. Please check each digit against your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="287" />
        <source>请输入回执上的 6 位查询码</source>
        <translation>Please enter the 6-character code from your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="288" />
        <source>查询码是 6 位字母或数字，请对照回执再看一下</source>
        <translation>The code has 6 letters or digits. Please check it against your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="293" />
        <source>办件查询</source>
        <translation>Track an application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="294" />
        <source>请选择一种查询方式：</source>
        <translation>Choose how to look up your application:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="295" />
        <source>扫描回执二维码</source>
        <translation>Scan the QR code on your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="297" />
        <source>把回执上的二维码对准扫码窗口，或放在高拍仪下面，会自动查询。在任何页面扫码都可以。</source>
        <translation>Hold the QR code on your receipt to the scanner window, or lay it under the document camera. It works on any screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="299" />
        <location filename="../../ui/screens/status.py" line="301" />
        <source>输入受理编号查询</source>
        <translation>Enter the tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="299" />
        <source>受理编号和查询码都印在回执上</source>
        <translation>The number and code are on your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="300" />
        <source>刷身份证＋刷脸查询</source>
        <translation>ID card + face check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="300" />
        <source>查看您本人的全部办件</source>
        <translation>See all your own applications</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="302" />
        <source>受理编号和查询码都印在回执上，二维码的旁边</source>
        <translation>Both are printed on your receipt, next to the QR code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="303" />
        <source>受理编号（HP 后面的 17 位数字）</source>
        <translation>Tracking number (the 17 digits after HP)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="304" />
        <source>查询码（6 位）</source>
        <translation>Code (6 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="305" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="306" />
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="307" />
        <location filename="../../ui/screens/status.py" line="554" />
        <source>请补充以下材料</source>
        <translation>Please send these documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="308" />
        <source>再查一件</source>
        <translation>Look up another</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="309" />
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="310" />
        <source>打印查询结果</source>
        <translation>Print this</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="319" />
        <source>请扫描回执上的二维码，或输入受理编号，也可以刷身份证和刷脸查询</source>
        <translation>Scan the QR code on your receipt, enter the tracking number, or use your ID card and a face check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="321" />
        <source>请输入回执上的受理编号和查询码，然后点“查询”</source>
        <translation>Enter the tracking number and code from your receipt, then press "Look up"</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="433" />
        <source>正在查询，请稍候……</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="435" />
        <source>没有查到这件办件</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="437" />
        <source>没有查到您本人的办件记录。</source>
        <translation>No applications were found for you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="439" />
        <source>请核对受理编号和查询码是否与回执一致。刚提交的办件，可能要过几分钟才能查到。</source>
        <translation>Please check the tracking number and code against your receipt. A new application may take a few minutes to appear.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="442" />
        <source>暂时连不上办件系统</source>
        <translation>The service system cannot be reached</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="443" />
        <source>网络或系统暂时不通，现在查不到办理进度，请稍后再试。</source>
        <translation>The network or the system is down for now, so the progress cannot be shown. Please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="445" />
        <source>没有读到身份证号码</source>
        <translation>The ID card number was not read</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="446" />
        <source>请点“再查一件”，重新刷身份证和刷脸，或者输入回执上的受理编号查询。</source>
        <translation>Press "Look up another" to try the ID card and face check again, or enter the tracking number from your receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="448" />
        <source>这次没有查询成功</source>
        <translation>The lookup did not work</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="449" />
        <source>请稍后再试，或拨打 12345 政务服务热线咨询。</source>
        <translation>Please try again later, or call the 12345 service hotline.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/status.py" line="453" />
        <source>您本人共有 %n 件办件</source>
        <translation>
            <numerusform>You have %n application</numerusform>
            <numerusform>You have %n applications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="454" />
        <source>每件的办理进度如下。要看详细进度，请扫描该件回执上的二维码。</source>
        <translation>The progress of each is below. For the details, scan the QR code on its receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="462" />
        <source>这件是在本机提交的，已经登记好，正在等网络恢复后自动送出，不需要重新提交。</source>
        <translation>This application was made at this terminal. It is registered and will be sent automatically when the network is back. You do not need to apply again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="464" />
        <source>这件是在本机提交的，已经送达办件系统，网络恢复后就能查到进度。</source>
        <translation>This application was made at this terminal and has reached the service system. Its progress can be seen when the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="483" />
        <location filename="../../ui/screens/status.py" line="531" />
        <location filename="../../ui/screens/status.py" line="547" />
        <source>受理编号：%1</source>
        <translation>Tracking number: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/status.py" line="486" />
        <source>承诺办结时限：%n 个工作日</source>
        <translation>
            <numerusform>Promised time: %n working day</numerusform>
            <numerusform>Promised time: %n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="486" />
        <source>承诺办结时限：即办</source>
        <translation>Promised time: on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="487" />
        <location filename="../../ui/screens/status.py" line="532" />
        <source>更新时间：%1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="490" />
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="498" />
        <location filename="../../ui/screens/status.py" line="557" />
        <source>请邮寄到：%1</source>
        <translation>Post them to: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="502" />
        <location filename="../../ui/screens/status.py" line="559" />
        <source>EMS 邮件号：%1</source>
        <translation>EMS number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="505" />
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="515" />
        <source>（当前）</source>
        <translation>(now)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="548" />
        <source>当前状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="568" />
        <source>办件查询结果</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="571" />
        <source>咨询电话 12345</source>
        <translation>Hotline 12345</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="577" />
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="583" />
        <source>已打印，请在出纸口取走</source>
        <translation>Printed. Please take it from the slot</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="583" />
        <source>打印机暂时不能用，请用手机拍下本页</source>
        <translation>The printer is not available. Please take a photo of this page</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>核验身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>提交材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>填写信息</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/steps.py" line="32" />
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>Large text ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>Large text</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="193" />
        <location filename="../../ui/widgets/keyboard.py" line="517" />
        <source>更多 ▶</source>
        <translation>More ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="206" />
        <location filename="../../ui/widgets/keyboard.py" line="516" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>Switch input: pinyin, letters, digits</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="208" />
        <location filename="../../ui/widgets/keyboard.py" line="512" />
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="210" />
        <location filename="../../ui/widgets/keyboard.py" line="513" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="212" />
        <location filename="../../ui/widgets/keyboard.py" line="514" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="214" />
        <location filename="../../ui/widgets/keyboard.py" line="523" />
        <source>确定</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="523" />
        <source>换行</source>
        <translation>New line</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="491" />
        <source>输入拼音，点选汉字</source>
        <translation>Type pinyin, then tap a character</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="494" />
        <source>词库准备中，字母直接输入</source>
        <translation>Dictionary loading: letters go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="497" />
        <source>字母、数字直接输入</source>
        <translation>Letters and digits go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="527" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
